"""Printed labels in the book's language: message catalogues for en, es, fr and de.

Only the tool's own words are translated (headings, "Stop and call us if", dose words,
weekdays, "page N of M", the default safety note); the content stays the author's.
Every catalogue has every key with the same ``{placeholders}`` as English; a test
checks that, so a missing label is caught before anything is printed.

Plural rules: English, Spanish and German use the singular for exactly 1; French also
for 0 and 1. A range ("20 to 30") always takes the plural.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass

from handbook.model import Amount

LANGUAGES = ("en", "es", "fr", "de")

# --- the catalogues ----------------------------------------------------------------
# Keys are grouped by where they print. Values may hold {placeholders}.

EN: dict[str, str] = {
    # dose, in sentences (handbook) and strip cells (card)
    "range": "{low} to {high}",
    "dose.hold": "Hold for {amount}.",
    "dose.breaths": "Take {amount}.",
    "dose.minutes": "Do this for {amount}.",
    "dose.reps": "Do this {times}.",
    "dose.reps_side": "Do this {times} on each side.",
    "dose.both_sides": "Do it on both sides.",
    "dose.sets": "Do {amount}.",
    "dose.rest": "Rest for {amount} between sets.",
    "dose.weeks": "Keep this up for {amount}.",
    "often.per_day": "{times} a day",
    "often.every_day": "every day",
    "often.per_week": "{amount} a week",
    "strip.hold": "Hold {amount}",
    "strip.hold_words": "{unit} hold",
    "strip.each_side": "each side",
    "strip.sides_words": "sides: left and right",
    "strip.per_day_words": "a day",
    "strip.per_week_words": "days a week",
    "strip.for_weeks": "for {amount}",
    # handbook
    "book.subject": "Exercise routines and answers to common questions",
    "book.phone": "Phone: {phone}",
    "book.not_replace": "This handbook does not replace your clinician's advice.",
    "book.howto": "How to use this handbook",
    "book.howto_intro": "This handbook has exercise routines and answers to common questions. "
    "Your doctor or physio will tell you which routines are right for you.",
    "book.howto_each": "Each routine starts on a new page. It tells you:",
    "book.howto_item1": "what the routine does, and who it is for",
    "book.howto_item2": "how long to do it and how often, in plain words",
    "book.howto_item3": "what you need, and the steps in order",
    "book.howto_item4": "tips, and what to avoid",
    "book.howto_item5": "when to stop and call us",
    "book.howto_contents": "The contents list every routine and every group of questions with its page number. "
    "At the back you find the sources of the advice, and a page for your own notes: "
    "write down questions to ask at your next visit.",
    "book.safety1": "This handbook does not replace your clinician's advice. Do only the routines your "
    "doctor or physio has given you, in the way they showed you.",
    "book.safety2": "Each routine has a box called \u201c{stop}\u201d. If any of those things "
    "happens to you, stop the routine and call us.",
    "book.safety3": "If you are worried about your health, call us or your doctor. "
    "In an emergency, call your local emergency number.",
    "book.call": "Call {clinic} on {phone}.",
    "book.read_first": "Please read this first",
    "book.contents": "Contents",
    "book.routines": "Exercise routines",
    "book.faq": "Questions and answers",
    "book.sources": "Sources",
    "book.notes": "Notes",
    "book.who_when": "Who it is for, and when",
    "book.good_to_know": "Good to know",
    "book.how_much": "How much and how often",
    "book.what_you_need": "What you need",
    "book.nothing_needed": "Nothing: you do not need any equipment.",
    "book.steps": "Steps",
    "book.tips": "Tips",
    "book.avoid": "What to avoid",
    "book.related_faq": "Questions and answers about this",
    "book.where_from": "Where this advice comes from",
    "book.version": "Version {version}, reviewed on {date} by {by}.",
    "book.stop": "Stop and call us if",
    "book.stop_continued": "Stop and call us if (continued)",
    "book.watch_more": "Watch or read more",
    "book.qr_intro": "To watch or read more, scan this code with your phone\u2019s camera, or type this address:",
    "book.see_routine": "See the routine: {title},",
    "book.answers_from": "Where these answers come from",
    "book.sources_intro": "The advice in this handbook comes from the sources below. "
    "It was reviewed by {by} on {date}.",
    "book.used_in": "Used in: {owners}.",
    "book.notes_intro": "Write down how the routines go, and questions to ask at your next visit.",
    "book.page_of": "page {page} of {pages}",
    "book.page_ref": "page {page}",
    # card
    "card.subject": "Exercise card: {title}",
    "card.not_replace": "This card does not replace your clinician's advice.",
    "card.from_physio": "From your physio:",
    "card.what_to_do": "What to do",
    "card.tips": "Tips",
    "card.avoid": "Avoid",
    "card.stop": "Stop and call us if\u2026",
    "card.tick": "Tick a box each day you do it",
    "card.notes": "Notes",
    "card.week": "Week {week}",
    "card.name": "Name:",
    "card.started": "Started:",
    "card.version": "Version {version}",
    "card.reviewed": "reviewed {date}",
    "book.keywords": "patient handbook, exercise routines, physiotherapy",
    "book.by_author": ", by {author}",
    "card.qr_heading": "Watch how to do it",
    "card.qr_intro": "Point your phone camera at the square, or type this address:",
    "cards.title": "Exercise cards",
}

ES: dict[str, str] = {
    "range": "{low} a {high}",  # "durante 20 a 30 minutos"
    "dose.hold": "Mantenga la posici\u00f3n {amount}.",
    "dose.breaths": "Haga {amount}.",
    "dose.minutes": "H\u00e1galo durante {amount}.",
    "dose.reps": "H\u00e1galo {times}.",
    "dose.reps_side": "H\u00e1galo {times} de cada lado.",
    "dose.both_sides": "H\u00e1galo de los dos lados.",
    "dose.sets": "Haga {amount}.",
    "dose.rest": "Descanse {amount} entre series.",
    "dose.weeks": "Siga as\u00ed durante {amount}.",
    "often.per_day": "{times} al d\u00eda",
    "often.every_day": "todos los d\u00edas",
    "often.per_week": "{amount} a la semana",
    "strip.hold": "Mantener {amount}",
    "strip.hold_words": "{unit} (mantener)",
    "strip.each_side": "cada lado",
    "strip.sides_words": "lados: izquierdo y derecho",
    "strip.per_day_words": "al d\u00eda",
    "strip.per_week_words": "d\u00edas a la semana",
    "strip.for_weeks": "durante {amount}",
    "book.subject": "Rutinas de ejercicios y respuestas a preguntas frecuentes",
    "book.phone": "Tel\u00e9fono: {phone}",
    "book.not_replace": "Este manual no sustituye el consejo de su profesional de salud.",
    "book.howto": "C\u00f3mo usar este manual",
    "book.howto_intro": "Este manual tiene rutinas de ejercicios y respuestas a preguntas frecuentes. "
    "Su m\u00e9dico o fisioterapeuta le dir\u00e1 qu\u00e9 rutinas son para usted.",
    "book.howto_each": "Cada rutina empieza en una p\u00e1gina nueva. Le dice:",
    "book.howto_item1": "qu\u00e9 hace la rutina y para qui\u00e9n es",
    "book.howto_item2": "cu\u00e1nto tiempo y con qu\u00e9 frecuencia hacerla, en palabras sencillas",
    "book.howto_item3": "qu\u00e9 necesita y los pasos en orden",
    "book.howto_item4": "consejos y qu\u00e9 evitar",
    "book.howto_item5": "cu\u00e1ndo parar y llamarnos",
    "book.howto_contents": "El \u00edndice muestra cada rutina y cada grupo de preguntas con su n\u00famero de "
    "p\u00e1gina. Al final est\u00e1n las fuentes de los consejos y una p\u00e1gina para sus notas: "
    "apunte las preguntas para su pr\u00f3xima visita.",
    "book.safety1": "Este manual no sustituye el consejo de su profesional de salud. Haga solo las rutinas "
    "que su m\u00e9dico o fisioterapeuta le ha indicado, como se las ense\u00f1\u00f3.",
    "book.safety2": "Cada rutina tiene un recuadro llamado \u201c{stop}\u201d. Si le pasa alguna de esas "
    "cosas, pare la rutina y ll\u00e1menos.",
    "book.safety3": "Si le preocupa su salud, ll\u00e1menos a nosotros o a su m\u00e9dico. "
    "En una emergencia, llame al n\u00famero de emergencias local.",
    "book.call": "Llame a {clinic} al {phone}.",
    "book.read_first": "Lea esto primero",
    "book.contents": "\u00cdndice",
    "book.routines": "Rutinas de ejercicios",
    "book.faq": "Preguntas y respuestas",
    "book.sources": "Fuentes",
    "book.notes": "Notas",
    "book.who_when": "Para qui\u00e9n es y cu\u00e1ndo",
    "book.good_to_know": "Bueno saber",
    "book.how_much": "Cu\u00e1nto y con qu\u00e9 frecuencia",
    "book.what_you_need": "Qu\u00e9 necesita",
    "book.nothing_needed": "Nada: no necesita ning\u00fan material.",
    "book.steps": "Pasos",
    "book.tips": "Consejos",
    "book.avoid": "Qu\u00e9 evitar",
    "book.related_faq": "Preguntas y respuestas sobre esto",
    "book.where_from": "De d\u00f3nde vienen estos consejos",
    "book.version": "Versi\u00f3n {version}, revisada el {date} por {by}.",
    "book.stop": "Pare y ll\u00e1menos si",
    "book.stop_continued": "Pare y ll\u00e1menos si (contin\u00faa)",
    "book.watch_more": "Ver o leer m\u00e1s",
    "book.qr_intro": "Para ver o leer m\u00e1s, escanee este c\u00f3digo con la c\u00e1mara de su "
    "tel\u00e9fono, o escriba esta direcci\u00f3n:",
    "book.see_routine": "Vea la rutina: {title},",
    "book.answers_from": "De d\u00f3nde vienen estas respuestas",
    "book.sources_intro": "Los consejos de este manual vienen de las fuentes de abajo. Los revis\u00f3 {by} "
    "el {date}.",
    "book.used_in": "Se usa en: {owners}.",
    "book.notes_intro": "Apunte c\u00f3mo le van las rutinas y las preguntas para su pr\u00f3xima visita.",
    "book.page_of": "p\u00e1gina {page} de {pages}",
    "book.page_ref": "p\u00e1gina {page}",
    "card.subject": "Tarjeta de ejercicio: {title}",
    "card.not_replace": "Esta tarjeta no sustituye el consejo de su profesional de salud.",
    "card.from_physio": "De su fisioterapeuta:",
    "card.what_to_do": "Qu\u00e9 hacer",
    "card.tips": "Consejos",
    "card.avoid": "Evite",
    "card.stop": "Pare y ll\u00e1menos si\u2026",
    "card.tick": "Marque una casilla cada d\u00eda que lo haga",
    "card.notes": "Notas",
    "card.week": "Semana {week}",
    "card.name": "Nombre:",
    "card.started": "Inicio:",
    "card.version": "Versi\u00f3n {version}",
    "card.reviewed": "revisada el {date}",
    "book.keywords": "manual para pacientes, rutinas de ejercicios, fisioterapia",
    "book.by_author": ", de {author}",
    "card.qr_heading": "Vea c\u00f3mo hacerlo",
    "card.qr_intro": "Apunte la c\u00e1mara de su tel\u00e9fono al cuadrado, o escriba esta direcci\u00f3n:",
    "cards.title": "Tarjetas de ejercicio",
}

FR: dict[str, str] = {
    "range": "de {low} \u00e0 {high}",
    "dose.hold": "Tenez la position {amount}.",
    "dose.breaths": "Prenez {amount}.",
    "dose.minutes": "Faites-le {amount}.",  # "de 20 \u00e0 30 minutes": no "pendant" before "de"
    "dose.reps": "Faites-le {times}.",
    "dose.reps_side": "Faites-le {times} de chaque c\u00f4t\u00e9.",
    "dose.both_sides": "Faites-le des deux c\u00f4t\u00e9s.",
    "dose.sets": "Faites {amount}.",
    "dose.rest": "Reposez-vous {amount} entre les s\u00e9ries.",
    "dose.weeks": "Continuez ainsi {amount}.",
    "often.per_day": "{times} par jour",
    "often.every_day": "tous les jours",
    "often.per_week": "{amount} par semaine",
    "strip.hold": "Tenir {amount}",
    "strip.hold_words": "{unit} (tenir)",
    "strip.each_side": "chaque c\u00f4t\u00e9",
    "strip.sides_words": "c\u00f4t\u00e9s : gauche et droit",
    "strip.per_day_words": "par jour",
    "strip.per_week_words": "jours par semaine",
    "strip.for_weeks": "pendant {amount}",
    "book.subject": "Exercices et r\u00e9ponses aux questions fr\u00e9quentes",
    "book.phone": "T\u00e9l\u00e9phone : {phone}",
    "book.not_replace": "Ce livret ne remplace pas l\u2019avis de votre soignant.",
    "book.howto": "Comment utiliser ce livret",
    "book.howto_intro": "Ce livret contient des exercices et des r\u00e9ponses aux questions fr\u00e9quentes. "
    "Votre m\u00e9decin ou kin\u00e9 vous dira quels exercices sont pour vous.",
    "book.howto_each": "Chaque exercice commence sur une nouvelle page. Il vous dit :",
    "book.howto_item1": "ce que fait l\u2019exercice, et pour qui il est",
    "book.howto_item2": "combien de temps et \u00e0 quelle fr\u00e9quence le faire, en mots simples",
    "book.howto_item3": "ce qu\u2019il vous faut, et les \u00e9tapes dans l\u2019ordre",
    "book.howto_item4": "des conseils, et ce qu\u2019il faut \u00e9viter",
    "book.howto_item5": "quand arr\u00eater et nous appeler",
    "book.howto_contents": "Le sommaire donne chaque exercice et chaque groupe de questions avec son "
    "num\u00e9ro de page. \u00c0 la fin se trouvent les sources des conseils et une page pour vos notes : "
    "\u00e9crivez-y les questions \u00e0 poser lors de votre prochaine visite.",
    "book.safety1": "Ce livret ne remplace pas l\u2019avis de votre soignant. Faites seulement les "
    "exercices que votre m\u00e9decin ou kin\u00e9 vous a donn\u00e9s, comme il vous les a montr\u00e9s.",
    "book.safety2": "Chaque exercice a un encadr\u00e9 \u00ab {stop} \u00bb. Si l\u2019une de ces choses "
    "vous arrive, arr\u00eatez l\u2019exercice et appelez-nous.",
    "book.safety3": "Si votre sant\u00e9 vous inqui\u00e8te, appelez-nous ou appelez votre m\u00e9decin. "
    "En cas d\u2019urgence, appelez le num\u00e9ro d\u2019urgence local.",
    "book.call": "Appelez {clinic} au {phone}.",
    "book.read_first": "\u00c0 lire d\u2019abord",
    "book.contents": "Sommaire",
    "book.routines": "Exercices",
    "book.faq": "Questions et r\u00e9ponses",
    "book.sources": "Sources",
    "book.notes": "Notes",
    "book.who_when": "Pour qui, et quand",
    "book.good_to_know": "Bon \u00e0 savoir",
    "book.how_much": "Combien et \u00e0 quelle fr\u00e9quence",
    "book.what_you_need": "Ce qu\u2019il vous faut",
    "book.nothing_needed": "Rien : vous n\u2019avez besoin d\u2019aucun mat\u00e9riel.",
    "book.steps": "\u00c9tapes",
    "book.tips": "Conseils",
    "book.avoid": "\u00c0 \u00e9viter",
    "book.related_faq": "Questions et r\u00e9ponses \u00e0 ce sujet",
    "book.where_from": "D\u2019o\u00f9 viennent ces conseils",
    "book.version": "Version {version}, relue le {date} par {by}.",
    "book.stop": "Arr\u00eatez et appelez-nous si",
    "book.stop_continued": "Arr\u00eatez et appelez-nous si (suite)",
    "book.watch_more": "Voir ou lire plus",
    "book.qr_intro": "Pour voir ou lire plus, scannez ce code avec l\u2019appareil photo de votre "
    "t\u00e9l\u00e9phone, ou tapez cette adresse :",
    "book.see_routine": "Voir l\u2019exercice : {title},",
    "book.answers_from": "D\u2019o\u00f9 viennent ces r\u00e9ponses",
    "book.sources_intro": "Les conseils de ce livret viennent des sources ci-dessous. Ils ont \u00e9t\u00e9 "
    "relus par {by} le {date}.",
    "book.used_in": "Utilis\u00e9 dans : {owners}.",
    "book.notes_intro": "Notez comment se passent les exercices, et les questions \u00e0 poser lors de "
    "votre prochaine visite.",
    "book.page_of": "page {page} sur {pages}",
    "book.page_ref": "page {page}",
    "card.subject": "Fiche d\u2019exercice : {title}",
    "card.not_replace": "Cette fiche ne remplace pas l\u2019avis de votre soignant.",
    "card.from_physio": "De votre kin\u00e9 :",
    "card.what_to_do": "\u00c0 faire",
    "card.tips": "Conseils",
    "card.avoid": "\u00c0 \u00e9viter",
    "card.stop": "Arr\u00eatez et appelez-nous si\u2026",
    "card.tick": "Cochez une case chaque jour o\u00f9 vous le faites",
    "card.notes": "Notes",
    "card.week": "Semaine {week}",
    "card.name": "Nom :",
    "card.started": "D\u00e9but :",
    "card.version": "Version {version}",
    "card.reviewed": "relue le {date}",
    "book.keywords": "livret patient, exercices, kin\u00e9sith\u00e9rapie",
    "book.by_author": ", par {author}",
    "card.qr_heading": "Voir comment faire",
    "card.qr_intro": "Pointez l\u2019appareil photo de votre t\u00e9l\u00e9phone vers le carr\u00e9, "
    "ou tapez cette adresse :",
    "cards.title": "Fiches d\u2019exercice",
}

DE: dict[str, str] = {
    "range": "{low} bis {high}",
    "dose.hold": "Halten Sie die Position {amount} lang.",
    "dose.breaths": "Atmen Sie {amount}.",
    "dose.minutes": "Machen Sie das {amount} lang.",
    "dose.reps": "Machen Sie das {times}.",
    "dose.reps_side": "Machen Sie das {times} auf jeder Seite.",
    "dose.both_sides": "Machen Sie es auf beiden Seiten.",
    "dose.sets": "Machen Sie {amount}.",
    "dose.rest": "Ruhen Sie zwischen den Durchg\u00e4ngen {amount} aus.",
    "dose.weeks": "Machen Sie so {amount} lang weiter.",
    "often.per_day": "{times} am Tag",
    "often.every_day": "jeden Tag",
    "often.per_week": "an {amount} pro Woche",
    "strip.hold": "{amount} halten",
    "strip.hold_words": "{unit} halten",
    "strip.each_side": "jede Seite",
    "strip.sides_words": "Seiten: links und rechts",
    "strip.per_day_words": "am Tag",
    "strip.per_week_words": "Tage pro Woche",
    "strip.for_weeks": "{amount} lang",
    "book.subject": "\u00dcbungen und Antworten auf h\u00e4ufige Fragen",
    "book.phone": "Telefon: {phone}",
    "book.not_replace": "Dieses Heft ersetzt nicht den Rat Ihrer Therapeutin oder Ihres Arztes.",
    "book.howto": "So benutzen Sie dieses Heft",
    "book.howto_intro": "Dieses Heft enth\u00e4lt \u00dcbungen und Antworten auf h\u00e4ufige Fragen. "
    "Ihr Arzt oder Ihre Physiotherapeutin sagt Ihnen, welche \u00dcbungen f\u00fcr Sie passen.",
    "book.howto_each": "Jede \u00dcbung beginnt auf einer neuen Seite. Dort steht:",
    "book.howto_item1": "was die \u00dcbung bewirkt und f\u00fcr wen sie ist",
    "book.howto_item2": "wie lange und wie oft Sie sie machen, in einfachen Worten",
    "book.howto_item3": "was Sie brauchen, und die Schritte der Reihe nach",
    "book.howto_item4": "Tipps, und was Sie vermeiden sollten",
    "book.howto_item5": "wann Sie aufh\u00f6ren und uns anrufen sollten",
    "book.howto_contents": "Das Inhaltsverzeichnis nennt jede \u00dcbung und jede Fragengruppe mit ihrer "
    "Seitenzahl. Hinten finden Sie die Quellen der Ratschl\u00e4ge und eine Seite f\u00fcr Ihre Notizen: "
    "Schreiben Sie dort Fragen f\u00fcr Ihren n\u00e4chsten Termin auf.",
    "book.safety1": "Dieses Heft ersetzt nicht den Rat Ihrer Therapeutin oder Ihres Arztes. Machen Sie nur "
    "die \u00dcbungen, die man Ihnen gegeben hat, und so, wie man sie Ihnen gezeigt hat.",
    "book.safety2": "Jede \u00dcbung hat einen Kasten \u201e{stop}\u201c. Wenn Ihnen etwas davon passiert, "
    "h\u00f6ren Sie mit der \u00dcbung auf und rufen Sie uns an.",
    "book.safety3": "Wenn Sie sich Sorgen um Ihre Gesundheit machen, rufen Sie uns oder Ihren Arzt an. "
    "Im Notfall w\u00e4hlen Sie die \u00f6rtliche Notrufnummer.",
    "book.call": "Rufen Sie {clinic} an: {phone}.",
    "book.read_first": "Bitte zuerst lesen",
    "book.contents": "Inhalt",
    "book.routines": "\u00dcbungen",
    "book.faq": "Fragen und Antworten",
    "book.sources": "Quellen",
    "book.notes": "Notizen",
    "book.who_when": "F\u00fcr wen und wann",
    "book.good_to_know": "Gut zu wissen",
    "book.how_much": "Wie viel und wie oft",
    "book.what_you_need": "Was Sie brauchen",
    "book.nothing_needed": "Nichts: Sie brauchen keine Hilfsmittel.",
    "book.steps": "Schritte",
    "book.tips": "Tipps",
    "book.avoid": "Was Sie vermeiden sollten",
    "book.related_faq": "Fragen und Antworten dazu",
    "book.where_from": "Woher diese Ratschl\u00e4ge kommen",
    "book.version": "Version {version}, gepr\u00fcft am {date} von {by}.",
    "book.stop": "Aufh\u00f6ren und uns anrufen, wenn",
    "book.stop_continued": "Aufh\u00f6ren und uns anrufen, wenn (Fortsetzung)",
    "book.watch_more": "Mehr sehen oder lesen",
    "book.qr_intro": "Um mehr zu sehen oder zu lesen, scannen Sie diesen Code mit der Kamera Ihres "
    "Handys, oder tippen Sie diese Adresse ein:",
    "book.see_routine": "Siehe die \u00dcbung: {title},",
    "book.answers_from": "Woher diese Antworten kommen",
    "book.sources_intro": "Die Ratschl\u00e4ge in diesem Heft kommen aus den Quellen unten. Gepr\u00fcft hat "
    "sie {by} am {date}.",
    "book.used_in": "Verwendet in: {owners}.",
    "book.notes_intro": "Schreiben Sie auf, wie die \u00dcbungen gehen, und Fragen f\u00fcr Ihren "
    "n\u00e4chsten Termin.",
    "book.page_of": "Seite {page} von {pages}",
    "book.page_ref": "Seite {page}",
    "card.subject": "\u00dcbungskarte: {title}",
    "card.not_replace": "Diese Karte ersetzt nicht den Rat Ihrer Therapeutin oder Ihres Arztes.",
    "card.from_physio": "Von Ihrer Physiotherapie:",
    "card.what_to_do": "So geht es",
    "card.tips": "Tipps",
    "card.avoid": "Vermeiden",
    "card.stop": "Aufh\u00f6ren und uns anrufen, wenn\u2026",
    "card.tick": "Kreuzen Sie jeden Tag ein K\u00e4stchen an",
    "card.notes": "Notizen",
    "card.week": "Woche {week}",
    "card.name": "Name:",
    "card.started": "Begonnen:",
    "card.version": "Version {version}",
    "card.reviewed": "gepr\u00fcft am {date}",
    "book.keywords": "Patientenheft, \u00dcbungen, Physiotherapie",
    "book.by_author": ", von {author}",
    "card.qr_heading": "Sehen Sie, wie es geht",
    "card.qr_intro": "Richten Sie die Kamera Ihres Handys auf das Quadrat, oder tippen Sie diese Adresse ein:",
    "cards.title": "\u00dcbungskarten",
}

CATALOGUES = {"en": EN, "es": ES, "fr": FR, "de": DE}

# Units: (singular, plural). "time" is special: see `Labels.times`.
UNITS: dict[str, dict[str, tuple[str, str]]] = {
    "en": {"second": ("second", "seconds"), "minute": ("minute", "minutes"),
           "breath": ("slow breath", "slow breaths"), "time": ("time", "times"), "set": ("set", "sets"),
           "day": ("day", "days"), "week": ("week", "weeks")},
    "es": {"second": ("segundo", "segundos"), "minute": ("minuto", "minutos"),
           "breath": ("respiraci\u00f3n lenta", "respiraciones lentas"), "time": ("vez", "veces"),
           "set": ("serie", "series"), "day": ("d\u00eda", "d\u00edas"), "week": ("semana", "semanas")},
    "fr": {"second": ("seconde", "secondes"), "minute": ("minute", "minutes"),
           "breath": ("respiration lente", "respirations lentes"), "time": ("fois", "fois"),
           "set": ("s\u00e9rie", "s\u00e9ries"), "day": ("jour", "jours"), "week": ("semaine", "semaines")},
    "de": {"second": ("Sekunde", "Sekunden"), "minute": ("Minute", "Minuten"),
           "breath": ("langsamer Atemzug", "langsame Atemz\u00fcge"), "time": ("Mal", "Mal"),
           "set": ("Durchgang", "Durchg\u00e4nge"), "day": ("Tag", "Tagen"), "week": ("Woche", "Wochen")},
}

# "once", "twice"; other counts use "{n} {times}".
TIMES_WORDS = {
    "en": {1: "once", 2: "twice"},
    "es": {1: "una vez", 2: "dos veces"},
    "fr": {1: "une fois", 2: "deux fois"},
    "de": {1: "einmal", 2: "zweimal"},
}

WEEKDAYS = {
    "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
    "es": ("Lun", "Mar", "Mi\u00e9", "Jue", "Vie", "S\u00e1b", "Dom"),
    "fr": ("Lun", "Mar", "Mer", "Jeu", "Ven", "Sam", "Dim"),
    "de": ("Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"),
}

MONTHS = {
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December"),
    "es": ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
           "octubre", "noviembre", "diciembre"),
    "fr": ("janvier", "f\u00e9vrier", "mars", "avril", "mai", "juin", "juillet", "ao\u00fbt", "septembre",
           "octobre", "novembre", "d\u00e9cembre"),
    "de": ("Januar", "Februar", "M\u00e4rz", "April", "Mai", "Juni", "Juli", "August", "September",
           "Oktober", "November", "Dezember"),
}

DATE_FORMATS = {"en": "{day} {month} {year}", "es": "{day} de {month} de {year}",
                "fr": "{day} {month} {year}", "de": "{day}. {month} {year}"}

# Short dates, for a card's small print: "1 Nov 2026".
SHORT_MONTHS = {
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
    "es": ("ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sept", "oct", "nov", "dic"),
    "fr": ("janv.", "f\u00e9vr.", "mars", "avr.", "mai", "juin", "juil.", "ao\u00fbt", "sept.", "oct.", "nov.",
           "d\u00e9c."),
    "de": ("Jan.", "Feb.", "M\u00e4rz", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sept.", "Okt.", "Nov.", "Dez."),
}
SHORT_DATE_FORMATS = {"en": "{day} {month} {year}", "es": "{day} {month} {year}",
                      "fr": "{day} {month} {year}", "de": "{day}. {month} {year}"}


@dataclass(frozen=True)
class Labels:
    """The printed words of one language."""

    language: str

    def __call__(self, key: str, **values: object) -> str:
        text = CATALOGUES[self.language][key]
        return text.format(**values) if values else text

    def is_singular(self, amount: Amount) -> bool:
        if amount.is_range:
            return False
        return amount.low <= 1 if self.language == "fr" else amount.low == 1

    def numerals(self, amount: Amount) -> str:
        """``30`` or ``20–30``, for large numerals."""
        return f"{amount.low}\u2013{amount.high}" if amount.is_range else f"{amount.low}"

    def unit(self, amount: Amount, unit: str) -> str:
        """The unit word alone, in the amount's number: ``seconds``."""
        one, many = UNITS[self.language][unit]
        return one if self.is_singular(amount) else many

    def count(self, amount: Amount, unit: str) -> str:
        """``1 second``, ``30 seconds``, ``20 to 30 seconds``."""
        number = self("range", low=amount.low, high=amount.high) if amount.is_range else f"{amount.low}"
        return f"{number} {self.unit(amount, unit)}"

    def times(self, amount: Amount) -> str:
        """``once``, ``twice``, ``3 times``, ``2 to 3 times``."""
        if not amount.is_range and int(amount.low) in TIMES_WORDS[self.language]:
            return TIMES_WORDS[self.language][int(amount.low)]
        if self.language == "de":  # "3-mal"; a range joins the first number with a hyphen too: "2- bis 3-mal"
            number = self("range", low=f"{amount.low}-", high=amount.high) if amount.is_range else f"{amount.low}"
            return f"{number}-mal"
        return self.count(amount, "time")

    @property
    def weekdays(self) -> tuple[str, ...]:
        return WEEKDAYS[self.language]

    def all_text(self) -> list[str]:
        """Every text this language can print (to know its characters beforehand)."""
        tables = (CATALOGUES, UNITS, TIMES_WORDS, WEEKDAYS, MONTHS, DATE_FORMATS, SHORT_MONTHS, SHORT_DATE_FORMATS)
        out: list[str] = []
        pending: list[object] = [table[self.language] for table in tables]
        while pending:
            item = pending.pop()
            if isinstance(item, str):
                out.append(item)
            elif isinstance(item, dict):
                pending += item.values()
            elif isinstance(item, (tuple, list)):
                pending += item
        return out

    def date(self, day: dt.date) -> str:
        """``1 November 2026``, ``1 de noviembre de 2026``, ``1. November 2026``."""
        month = MONTHS[self.language][day.month - 1]
        return DATE_FORMATS[self.language].format(day=day.day, month=month, year=day.year)

    def short_date(self, day: dt.date) -> str:
        """``1 Nov 2026``, ``1 nov 2026``, ``1. Nov. 2026``."""
        month = SHORT_MONTHS[self.language][day.month - 1]
        return SHORT_DATE_FORMATS[self.language].format(day=day.day, month=month, year=day.year)


@functools.cache
def labels(language: str = "en") -> Labels:
    """The labels of a language (one of `LANGUAGES`)."""
    if language not in CATALOGUES:
        raise KeyError(language)
    return Labels(language)
