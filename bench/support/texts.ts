/** Dutch words and sentences for benchmark data: enough variety that rows differ as real ones do. */

export const FIRST_NAMES = [
  "Anna",
  "Daan",
  "Sanne",
  "Lucas",
  "Fatima",
  "Joost",
  "Eva",
  "Mohamed",
  "Lisa",
  "Peter",
  "Noor",
  "Sem",
  "Emma",
  "Youssef",
  "Julia",
  "Bram",
  "Sophie",
  "Thijs",
  "Lotte",
  "Ruben",
  "Iris",
  "Milan",
  "Fleur",
  "Ahmed",
  "Maud",
  "Jesse",
  "Yara",
  "Luuk",
  "Zoë",
  "Stijn",
  "Hanna",
  "Kevin",
  "Esra",
  "Tim",
  "Roos",
  "Niels",
  "Amira",
  "Bas",
  "Femke",
  "Mehmet",
  "Ilse",
  "Wouter",
  "Nadia",
  "Gijs",
  "Laura",
  "Hamza",
  "Merel",
  "Koen",
];

export const LAST_NAMES = [
  "de Vries",
  "Jansen",
  "Bakker",
  "Visser",
  "Smit",
  "Meijer",
  "de Boer",
  "Mulder",
  "de Groot",
  "Bos",
  "Vos",
  "Peters",
  "Hendriks",
  "van Leeuwen",
  "Dekker",
  "Brouwer",
  "de Wit",
  "Dijkstra",
  "Smits",
  "de Graaf",
  "van der Meer",
  "van der Linden",
  "Kok",
  "Jacobs",
  "de Haan",
  "Vermeulen",
  "van den Berg",
  "van Dijk",
  "Yılmaz",
  "El Amrani",
  "Bouali",
  "Kaya",
  "Öztürk",
  "Willems",
  "Hoekstra",
  "Verhoeven",
  "Postma",
  "Kuipers",
];

export const GUIDE_TITLES = ["Werkbegeleider", "Orthopedagoog-generalist", "Onderwijsadviseur", "Coach", "Supervisor"];
export const TRAINEE_TITLES = [
  "Leerkracht groep 3",
  "Leerkracht groep 5",
  "Leerkracht groep 7",
  "Jeugdprofessional",
  "Orthopedagoog (master)",
  "Pedagogisch medewerker",
  "Gedragswetenschapper i.o.",
];
export const CLIENT_TITLES = ["Directeur", "Teamleider", "Locatiemanager", "Bovenschools directeur"];

export const GOAL_TITLES = [
  "De leerkracht start elke les met een duidelijke leswissel",
  "De leerkracht geeft verlengde instructie aan de instructietafel",
  "De leerkracht laat leerlingen hardop denken bij het toepassen van strategieën",
  "De leerkracht sluit elke les af met een korte terugblik op het lesdoel",
  "De leerkracht hanteert vaste routines bij het begin van de dag",
  "De leerkracht stemt de verwerking af op drie niveaus",
  "De leerkracht geeft feedback die gericht is op het proces",
  "De leerkracht bewaakt de tijd en houdt de lesfasen aan",
  "De professional voert het gesprek met ouders volgens een vaste opbouw",
  "De professional legt afspraken met het gezin schriftelijk vast",
  "De professional vraagt tijdig consultatie bij twijfel over veiligheid",
  "De professional reflecteert na elk huisbezoek op eigen handelen",
  "Ik stel mijn grenzen duidelijker in het team",
  "Ik bereid lastige gesprekken voor met een gespreksplan",
  "Ik plan mijn week met ruimte voor onverwachte zaken",
  "Ik vraag vaker om feedback van collega's",
  "De leerkracht zet coöperatieve werkvormen doelgericht in",
  "De leerkracht signaleert tijdig leerlingen die uitvallen",
];

export const SUCCESS_CRITERIA = [
  "Bij drie opeenvolgende bezoeken is de overgang binnen twee minuten rond.",
  "De zwakke lezers krijgen elke les verlengde instructie; zichtbaar in de weekplanning.",
  "In elke les benoemen minstens twee leerlingen de strategie die ze kiezen.",
  "Het lesdoel staat op het bord en wordt aan het eind met de klas besproken.",
  "Collega's en ouders merken het verschil; besproken in de evaluatie.",
  "Bij de observatie scoort dit item minstens 'meer sterk dan zwak'.",
];

export const REFLECTIONS = [
  "Ik merk dat ik zelf ook niet altijd weet wat er na de pauze komt.",
  "Het dagritme op het bord helpt de groep en mij.",
  "Bij de instructietafel verlies ik de rest van de groep nog uit het oog.",
  "De leerlingen pakken de nieuwe routine sneller op dan ik dacht.",
  "Ik vind het lastig om tijd te maken voor de afsluiting.",
  "Het voorbereiden met een gespreksplan gaf rust.",
];

export const INSTRUCTIONS = [
  "Zet de dagplanning op het bord en kondig elke overgang twee minuten van tevoren aan.",
  "Plan de instructietafel vast in na de klassikale uitleg.",
  "Gebruik een time-timer voor de zelfstandige verwerking.",
  "Vraag bij de afsluiting twee leerlingen om het lesdoel in eigen woorden te zeggen.",
  "Oefen het gesprek vooraf met een collega.",
  "Noteer na elk bezoek drie dingen die goed gingen.",
];

export const SUMMARIES = [
  "Eerste bezoek: de leswissel is het belangrijkste werkpunt.",
  "Duidelijke vooruitgang bij de leswissel.",
  "De instructie is beter afgestemd; de verwerking nog niet.",
  "Goed gesprek; de afspraken van vorige keer zijn nagekomen.",
  "Wisselend beeld: de ochtend liep goed, de middag minder.",
  "De doelen komen in zicht; nog twee bezoeken om het vast te houden.",
];

export const AGREEMENTS = [
  "Dagplanning elke ochtend op het bord",
  "Instructietafel vast inroosteren",
  "Lesdoel aan het begin en eind benoemen",
  "Gespreksplan gebruiken bij oudergesprekken",
  "Na elke les een korte reflectie in het logboek",
];

export const NOTES = [
  "Kennismaking; zorgen en wensen besproken.",
  "De groep was onrustig na de gymles; de overgang kostte tien minuten.",
  "Sterke instructie, de verwerking liep door elkaar.",
  "Gesprek over de balans tussen werk en opleiding.",
  "De leerkracht had de aanwijzingen van vorige keer zichtbaar toegepast.",
  "Evaluatie met opdrachtgever: voortgang is voldoende.",
];

export const OBSERVATION_NOTES = [
  "Overgangen duren lang; leerlingen weten niet wat er komt.",
  "Eén instructie voor de hele groep.",
  "Strategieën hangen op de muur en worden soms genoemd.",
  "Duidelijke opbouw, goed tempo.",
];

export const LOCATIONS = [
  "OBS De Rivier, lokaal groep 5",
  "CBS De Wegwijzer, groep 7",
  "Kindcentrum Het Palet, groep 3",
  "Kantoor, spreekkamer 2",
  "Online (beeldbellen)",
  "Locatie Zuid, teamkamer",
];

export const PLAN_TEXTS = {
  reason: [
    "Onrust in de groep en achterblijvende resultaten bij begrijpend lezen.",
    "De directie ziet te weinig differentiatie in de instructie.",
    "Nieuwe leerkracht; begeleiding in het eerste jaar.",
  ],
  concerns_and_wishes: [
    "Directie: orde en structuur in de les. Leerkracht: handvatten voor differentiëren.",
    "Zorgen over het klassenmanagement; wens om zelfstandig werken beter te begeleiden.",
  ],
  working_agreements: [
    "Klassenbezoeken op dinsdag of donderdag, soms onaangekondigd; nagesprek dezelfde dag.",
    "Bezoeken om de week; roosterwijzigingen worden per mail gemeld.",
  ],
  approach: [
    "Drie tot vijf klassenbezoeken met feedbackgesprek, eerst wekelijks, daarna om de twee weken.",
    "Observeren, nabespreken en oefenen met beeldopnamen.",
  ],
  question: [
    "Hoe houd ik overzicht als de werkdruk hoog is?",
    "Hoe stel ik mijn grenzen in gesprekken met ouders?",
    "Hoe groei ik in mijn rol als gedragswetenschapper?",
  ],
} as const;

export const REASONS = {
  aborted: [
    "De leerkracht is langdurig ziek; het traject stopt.",
    "De medewerker is uit dienst getreden.",
    "Op verzoek van de begeleide gestopt.",
  ],
  escalated: [
    "De vorderingen zijn onvoldoende; vervolg als begeleidings- en beoordelingstraject.",
    "Na de tussenevaluatie besloten tot een formeel traject.",
  ],
} as const;

export const REPORT_TEXTS = [
  "De doelen zijn grotendeels bereikt; de leswissel is een vaste routine geworden.",
  "Het proces verliep volgens plan, met één verschoven bezoek.",
  "Blijf de instructietafel inzetten, ook zonder begeleiding.",
  "Verdere begeleiding is niet nodig.",
  "Een collegiale consultatie over een half jaar.",
];

// Youth care: SKJ werkbegeleiding, registrations and intervisie.

export const BEHAVIOURAL_SCIENTIST_TITLES = ["Orthopedagoog-generalist", "GZ-psycholoog", "Gedragswetenschapper"];
export const PROFESSIONAL_TITLES = ["Orthopedagoog (master)", "Psycholoog (master)", "Gedragswetenschapper i.o."];
export const OFFICER_TITLE = "Praktijkopleider";

export const SKJ_GOAL_TITLES = [
  "Ik stel een handelingsgericht advies op dat ouders en school begrijpen",
  "Ik voer het adviesgesprek met ouders volgens een vaste opbouw",
  "Ik onderbouw mijn diagnostische conclusies met de gegevens uit het dossier",
  "Ik weeg de veiligheid van de jeugdige expliciet mee in elk plan",
  "Ik vraag tijdig consultatie bij een gedragswetenschapper",
  "Ik leg afspraken met het gezin schriftelijk vast",
  "Ik reflecteer na elk gezinsgesprek op mijn eigen handelen",
  "Ik werk samen met het wijkteam zonder de regie te verliezen",
  "Ik rapporteer binnen de termijn die de organisatie stelt",
  "Ik bewaak mijn grenzen in de caseload",
];

export const SKJ_PLAN_TEXTS = {
  vorm: [
    "Individuele werkbegeleiding, afwisselend op kantoor en bij gezinsgesprekken waar de werkbegeleider meekijkt.",
    "Individuele gesprekken, aangevuld met observaties van adviesgesprekken met ouders.",
    "Werkbegeleiding op kantoor en via beeldbellen; de werkbegeleider leest rapportages mee.",
  ],
  inhoud: [
    "Diagnostiek en indicatiestelling bij jeugdigen met gedragsproblemen, gespreksvoering met ouders, en het schrijven van handelingsgerichte adviezen.",
    "Behandelplannen opstellen en evalueren, samenwerking met school en wijkteam, en de eigen rol in het multidisciplinair overleg.",
    "Risicotaxatie en veiligheidsplannen, gesprekken met gezinnen in een scheiding, en rapporteren voor de rechtbank.",
  ],
  intensiteit: [
    "De eerste drie maanden om de twee weken een uur, daarna maandelijks, het laatste halfjaar om de zes weken.",
    "Eerst wekelijks, na de eerste evaluatie om de twee weken en in het laatste kwartaal maandelijks.",
  ],
  organisatievorm: ["traditioneel", "traditioneel", "netwerkorganisatie"],
} as const;

/** The plan's intensity as first signed, before it changed and a new version of the declaration followed. */
export const SKJ_EARLIER_INTENSITY = "Het hele traject om de twee weken een uur.";

export const SKJ_NOTES = [
  "Casuïstiek besproken en afspraken voor het volgende gesprek gemaakt.",
  "Het adviesgesprek van vorige week nabesproken; de opbouw werkte.",
  "Gesprek over de balans tussen caseload en begeleiding.",
  "Rapportage samen doorgelopen; de conclusies beter onderbouwd.",
  "Evaluatie: de werkbegeleiding loopt volgens plan.",
];

export const SKJ_LOCATIONS = [
  "Kantoor, spreekkamer 1",
  "Kantoor, spreekkamer 3",
  "Locatie Noord, overlegruimte",
  "Locatie Zuid, teamkamer",
  "Online (beeldbellen)",
];

export const SKJ_DEVIATIONS = [
  "Twee gesprekken vielen uit door ziekte; ingehaald in de maand erna.",
  "Het laatste halfjaar om de vier in plaats van zes weken, op verzoek van de professional.",
  "Een observatie vervangen door het nabespreken van een video-opname.",
];

export const INTERVISION_GROUP_NAMES = [
  "Intervisie gedragswetenschappers",
  "Intervisie jeugd en gezin",
  "Intervisie diagnostiek",
  "Intervisie ambulant team",
  "Intervisie behandelaren",
];

export const INTERVISION_DESCRIPTIONS = [
  "Gedragswetenschappers van de organisatie, met de incidentmethode.",
  "Collega's van de ambulante teams; elke bijeenkomst één casus.",
  "Voor de herregistratie: samen leren van lastige casuïstiek.",
];

export const INTERVISION_NOTES = [
  "Casus over een vastgelopen gezinsgesprek; advies: eerst de hulpvraag van de ouders scherp krijgen.",
  "Casus over een melding bij Veilig Thuis; besproken wie welke rol had.",
  "Dilemma over grenzen in de caseload; afgesproken dit in het team aan te kaarten.",
  "Casus over samenwerking met school; de inbrenger neemt drie vragen mee naar het overleg.",
];

export const USER_AGENTS = [
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36",
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15",
  "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148",
];
