"""The handbook: its story (`story`: cover, contents, chapters, questions, sources), its
flowables (`flowables`), page numbers printed before they are known (`pagenumbers`) and
the document template (`document`)."""
