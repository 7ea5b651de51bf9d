/// Curated, fictional content for the Ballymun sample directory. Every name, address and phone number is invented.
///
/// Organisations, services, addresses and schedules are made up for demonstration purposes; street names echo
/// real Ballymun roads but house and unit numbers are invented. Any resemblance to a real organisation is unintended.
public enum SampleCatalogue {
    /// Neighbourhood name -> (latitude, longitude) centroid, all inside Ballymun (lat 53.382...53.408, lon -6.285...-6.245).
    public static let neighbourhoods: [(name: String, latitude: Double, longitude: Double)] = [
        (name: "Ballymun Town Centre", latitude: 53.3957, longitude: -6.2648),
        (name: "Poppintree", latitude: 53.4026, longitude: -6.2785),
        (name: "Shangan", latitude: 53.3933, longitude: -6.2592),
        (name: "Sillogue", latitude: 53.4003, longitude: -6.2566),
        (name: "Coultry", latitude: 53.4038, longitude: -6.2688),
        (name: "Balcurris", latitude: 53.3988, longitude: -6.2707),
        (name: "Balbutcher", latitude: 53.4012, longitude: -6.2746),
        (name: "Santry Cross", latitude: 53.4009, longitude: -6.2521),
    ]

    /// The category taxonomy: seven top-level categories, each followed by its child terms.
    public static let terms: [SampleTerm] = [
        SampleTerm("children-families", "Children & families", ga: "Leanaí agus Teaghlaigh", "Support for parents, children, young people and the whole family."),
        SampleTerm("children-families.parenting", "Parenting", ga: "Tuismitheoireacht", "Courses, groups and advice for parents and carers at every stage."),
        SampleTerm("children-families.early-years", "Early years & childcare", ga: "Luathbhlianta agus Cúram Leanaí", "Playgroups, preschools, crèches and activities for babies and young children."),
        SampleTerm("children-families.youth", "Youth services", ga: "Seirbhísí Óige", "Youth clubs, mentoring and information for teenagers and young adults."),
        SampleTerm("children-families.family-support", "Family support", ga: "Tacaíocht Teaghlaigh", "Practical and emotional help for families going through a difficult time."),
        SampleTerm("children-families.after-school", "After-school & homework clubs", ga: "Clubanna Iarscoile agus Obair Bhaile", "Breakfast clubs, homework help and after-school activities for school-age children."),

        SampleTerm("health-wellbeing", "Health & wellbeing", ga: "Sláinte agus Folláine", "Services that help people stay well in body and mind."),
        SampleTerm("health-wellbeing.primary-care", "Primary care & clinics", ga: "Cúram Príomhúil agus Clinicí", "Drop-in clinics, health checks and community health services."),
        SampleTerm("health-wellbeing.mental-health", "Mental health", ga: "Meabhairshláinte", "Counselling, peer support and groups for emotional wellbeing."),
        SampleTerm("health-wellbeing.addiction", "Addiction support", ga: "Tacaíocht Andúile", "Treatment, harm reduction and family support for drug, alcohol and gambling problems."),
        SampleTerm("health-wellbeing.carers", "Carers' support", ga: "Tacaíocht do Chúramóirí", "Information, breaks and peer support for family carers."),
        SampleTerm("health-wellbeing.older-people", "Older people's health", ga: "Sláinte Daoine Scothaosta", "Day care, befriending and health services for older people."),
        SampleTerm("health-wellbeing.disability", "Disability support", ga: "Tacaíocht Míchumais", "Advice, social activities and services for disabled people and their families."),

        SampleTerm("education-training", "Education & training", ga: "Oideachas agus Oiliúint", "Learning opportunities for all ages, from literacy to college and work."),
        SampleTerm("education-training.adult-literacy", "Adult literacy & numeracy", ga: "Litearthacht agus Uimhearthacht Aosach", "Help with reading, writing, maths and money skills for adults."),
        SampleTerm("education-training.language", "Language classes", ga: "Ranganna Teanga", "English language (ESOL) classes and other language learning."),
        SampleTerm("education-training.employment", "Employment & job seeking", ga: "Fostaíocht agus Cuardach Poist", "CV clinics, job clubs, employment schemes and work-related training."),
        SampleTerm("education-training.digital-skills", "Digital skills", ga: "Scileanna Digiteacha", "Computer, smartphone and technology courses for every level."),
        SampleTerm("education-training.exam-support", "Exam & study support", ga: "Tacaíocht Scrúduithe agus Staidéir", "Grinds, study spaces and homework support for students."),
        SampleTerm("education-training.further-education", "Further education", ga: "Breisoideachas", "Accredited courses, return-to-learning programmes and routes into college."),

        SampleTerm("art-culture", "Art & culture", ga: "Ealaín agus Cultúr", "Creative, cultural and heritage activities for everyone."),
        SampleTerm("art-culture.visual-arts", "Visual arts & crafts", ga: "Amharcealaíona agus Ceardaíocht", "Painting, pottery, photography and craft classes and studios."),
        SampleTerm("art-culture.music", "Music & singing", ga: "Ceol agus Amhránaíocht", "Choirs, music lessons, sessions and rehearsal spaces."),
        SampleTerm("art-culture.drama", "Drama, dance & film", ga: "Drámaíocht, Damhsa agus Scannánaíocht", "Theatre, dance, film and performance for all ages."),
        SampleTerm("art-culture.heritage", "Local heritage & history", ga: "Oidhreacht agus Stair Áitiúil", "Heritage walks, local history and the cultures of Ballymun's communities."),
        SampleTerm("art-culture.library", "Libraries & reading", ga: "Leabharlanna agus Léitheoireacht", "Libraries, book clubs, storytimes and writing groups."),
        SampleTerm("art-culture.irish-language", "Irish language", ga: "An Ghaeilge", "Irish classes, conversation circles and activities through Irish."),

        SampleTerm("place-making", "Place making", ga: "Cóiriú Áite", "Groups and projects shaping Ballymun's streets, homes and green spaces."),
        SampleTerm("place-making.gardens", "Community gardens", ga: "Gairdíní Pobail", "Community gardens, allotments and orchards."),
        SampleTerm("place-making.environment", "Environment & clean-ups", ga: "Timpeallacht agus Glanadh Pobail", "Clean-ups, recycling, repair and biodiversity projects."),
        SampleTerm("place-making.housing", "Housing & tenancy", ga: "Tithíocht agus Tionóntacht", "Housing advice, tenancy support and help with repairs."),
        SampleTerm("place-making.community-spaces", "Community spaces & events", ga: "Spásanna agus Imeachtaí Pobail", "Halls, markets, play streets and spaces for the community to use."),
        SampleTerm("place-making.residents", "Residents' groups & planning", ga: "Grúpaí Cónaitheoirí agus Pleanáil", "Tenants' and residents' associations and local planning forums."),

        SampleTerm("recreation-sport", "Recreation & sport", ga: "Caitheamh Aimsire agus Spórt", "Sport, fitness and leisure activities for all ages and abilities."),
        SampleTerm("recreation-sport.team-sports", "Team sports", ga: "Spóirt Foirne", "Football, Gaelic games, basketball, cricket and other team sports."),
        SampleTerm("recreation-sport.boxing-martial-arts", "Boxing & martial arts", ga: "Dornálaíocht agus Ealaíona Comhraic", "Boxing, karate, kickboxing and self-defence."),
        SampleTerm("recreation-sport.swimming", "Swimming", ga: "Snámh", "Swimming lessons, aqua fitness and pool sessions."),
        SampleTerm("recreation-sport.walking", "Walking & outdoors", ga: "Siúlóireacht agus Gníomhaíochtaí Lasmuigh", "Walking groups, hillwalking and outdoor adventures."),
        SampleTerm("recreation-sport.active-ageing", "Active ageing", ga: "Aosú Gníomhach", "Exercise, games and social activities for older people."),
        SampleTerm("recreation-sport.fitness", "Fitness", ga: "Aclaíocht", "Gyms, running, cycling and fitness classes."),

        SampleTerm("community-safety", "Community safety", ga: "Sábháilteacht Pobail", "Working together so people feel safe at home and in their community."),
        SampleTerm("community-safety.forums", "Community safety forums", ga: "Fóraim Sábháilteachta Pobail", "Forums, watch schemes and wardens where residents and agencies tackle safety issues."),
        SampleTerm("community-safety.policing", "Garda liaison", ga: "Teagmháil leis na Gardaí", "Garda clinics, crime prevention and knowing your rights."),
        SampleTerm("community-safety.domestic-violence", "Domestic violence support", ga: "Tacaíocht maidir le Foréigean Baile", "Support, safety planning and legal help for people affected by domestic abuse."),
        SampleTerm("community-safety.restorative-justice", "Restorative justice & mediation", ga: "Ceartas Aisiríoch agus Idirghabháil", "Mediation and restorative meetings to repair harm and resolve conflict."),
        SampleTerm("community-safety.youth-diversion", "Youth diversion", ga: "Atreorú Óige", "Programmes that help young people stay away from crime and anti-social behaviour."),
        SampleTerm("community-safety.victim-support", "Victim support", ga: "Tacaíocht d'Íospartaigh", "Help for victims of crime, scams, hate incidents and intimidation."),
    ]

    /// All sample organisations, grouped by their main category.
    public static let organizations: [SampleOrganization] =
        childrenFamilies + healthWellbeing + educationTraining + artCulture + placeMaking + recreationSport + communitySafety

    private static let childrenFamilies: [SampleOrganization] = [
        SampleOrganization(
            name: "Shangan Family Hub",
            description: "A welcoming family resource centre offering parenting programmes, early years groups and one-to-one family support. The kettle is always on.",
            street: "Unit 3, 41 Shangan Road",
            neighbourhood: "Shangan",
            services: [
                SampleService(
                    name: "Parent and Toddler Mornings",
                    description: "Relaxed play mornings for parents, grandparents and childminders with little ones. Toys, songs, tea and a chat in a safe, friendly room.",
                    eligibility: "Parents and carers with children aged 0 to 4.",
                    applicationProcess: "Drop in; no booking needed.",
                    minimumAge: 0,
                    maximumAge: 4,
                    languages: ["en", "pl", "ro"],
                    sessions: ["TU,TH 10:00-12:00"],
                    terms: ["children-families.early-years", "children-families.parenting"]
                ),
                SampleService(
                    name: "Family Support Key Worker",
                    description: "A named key worker helps families with practical and emotional challenges, from school attendance to housing paperwork. Support can take place at home or in the centre.",
                    eligibility: "Families with children under 18 living in Dublin 9 or Dublin 11.",
                    applicationProcess: "Self-referral by phone, or referral from a school, public health nurse or social worker.",
                    languages: ["en", "pl", "ro", "ar"],
                    sessions: ["MO,TU,WE,TH,FR 09:30-16:30"],
                    terms: ["children-families.family-support"]
                ),
                SampleService(
                    name: "Calmer Homes Parenting Course",
                    description: "An eight-week evening course on positive discipline, routines and managing big feelings. Parents share ideas and leave with a practical plan.",
                    eligibility: "Parents and carers of children aged 2 to 12.",
                    applicationProcess: "Phone to book a place; new courses start each school term.",
                    sessions: ["WE 19:00-21:00"],
                    terms: ["children-families.parenting"]
                ),
                SampleService(
                    name: "Dads' Saturday Club",
                    description: "Saturday morning activities for dads and male carers with their children: messy play, five-a-side and a fry to finish.",
                    eligibility: "Fathers, grandfathers and male carers with children up to age 10.",
                    applicationProcess: "Drop in; just sign in at the door.",
                    maximumAge: 10,
                    sessions: ["SA 10:00-12:30"],
                    terms: ["children-families.parenting", "recreation-sport.team-sports"]
                ),
            ]
        ),
        SampleOrganization(
            name: "Poppintree Little Acorns Playgroup",
            description: "A parent-run community playgroup and preschool offering free ECCE places and play-based learning in the heart of Poppintree.",
            street: "7 Poppintree Park Lane",
            neighbourhood: "Poppintree",
            services: [
                SampleService(
                    name: "Free Preschool (ECCE) Places",
                    description: "Free preschool sessions under the national ECCE scheme, with small groups, outdoor play every day and a healthy snack.",
                    eligibility: "Children aged 2 years 8 months to 5 years.",
                    applicationProcess: "Apply in person with your child's PPS number; a waiting list operates.",
                    minimumAge: 2,
                    maximumAge: 5,
                    languages: ["en", "pl"],
                    sessions: ["MO,TU,WE,TH,FR 09:00-12:00"],
                    terms: ["children-families.early-years"]
                ),
                SampleService(
                    name: "Afternoon Playgroup",
                    description: "Sessional playgroup for younger children with sand, paint, songs and stories, giving parents a short break.",
                    eligibility: "Children aged 2 to 4.",
                    applicationProcess: "Phone to reserve a place.",
                    minimumAge: 2,
                    maximumAge: 4,
                    cost: "€8 per session",
                    sessions: ["MO,WE,FR 13:00-15:30"],
                    terms: ["children-families.early-years"]
                ),
                SampleService(
                    name: "Baby Massage and Rhymes",
                    description: "A gentle six-week course where parents learn baby massage, lullabies and bonding rhymes with other new parents.",
                    eligibility: "Parents and carers with babies from 6 weeks to 12 months.",
                    applicationProcess: "Phone to book; places are limited to eight babies per course.",
                    minimumAge: 0,
                    maximumAge: 1,
                    cost: "€15 per six-week course",
                    languages: ["en", "ar", "so"],
                    sessions: ["TH 10:30-11:30"],
                    terms: ["children-families.early-years", "children-families.parenting"]
                ),
            ]
        ),
        SampleOrganization(
            name: "Coultry Homework Hive",
            description: "An after-school project supporting primary-school children with homework, reading and a hot meal, run by staff and trained volunteers.",
            street: "Coultry Community Rooms, 18 Coultry Road",
            neighbourhood: "Coultry",
            services: [
                SampleService(
                    name: "Primary Homework Club",
                    description: "Supervised homework help in small groups, followed by games and a hot dinner. Staff keep in touch with each child's teacher.",
                    eligibility: "Children attending a primary school in Ballymun.",
                    applicationProcess: "A parent or guardian registers the child in person in September or January.",
                    minimumAge: 6,
                    maximumAge: 12,
                    languages: ["en", "ga"],
                    sessions: ["MO,TU,WE,TH 14:30-17:00"],
                    terms: ["children-families.after-school", "education-training.exam-support"]
                ),
                SampleService(
                    name: "Breakfast Club",
                    description: "A free, healthy breakfast and a calm start to the school day, with a walking bus to three local schools afterwards.",
                    eligibility: "Primary-school children; parents are welcome to stay for a cuppa.",
                    applicationProcess: "Drop in from 7:45; register on your first visit.",
                    minimumAge: 4,
                    maximumAge: 12,
                    sessions: ["MO,TU,WE,TH,FR 07:45-08:50"],
                    terms: ["children-families.after-school", "children-families.family-support"]
                ),
                SampleService(
                    name: "Summer Fun Camp",
                    description: "Four weeks of day trips, sports, arts and crafts every July. Lunch is provided each day.",
                    eligibility: "Children aged 5 to 12; priority for children who attend the homework club.",
                    applicationProcess: "Register in person during May; a few places are kept for referrals.",
                    minimumAge: 5,
                    maximumAge: 12,
                    cost: "€20 per week",
                    sessions: ["MO,TU,WE,TH,FR 10:00-14:00"],
                    terms: ["children-families.after-school", "recreation-sport.team-sports"]
                ),
            ]
        ),
        SampleOrganization(
            name: "Balcurris Youth Space",
            description: "A youth centre shaped by young people and youth workers together, with clubs, trips, advice and a quiet space to hang out.",
            street: "Ground Floor, 9 Balcurris Road",
            neighbourhood: "Balcurris",
            services: [
                SampleService(
                    name: "Junior Youth Club",
                    description: "Games, cooking, art and day trips for younger members, with a youth council that plans the programme.",
                    eligibility: "Young people aged 10 to 13.",
                    applicationProcess: "A parent or guardian fills in a membership form at the centre.",
                    minimumAge: 10,
                    maximumAge: 13,
                    cost: "€2 per night",
                    sessions: ["TU,TH 16:00-18:00"],
                    terms: ["children-families.youth"]
                ),
                SampleService(
                    name: "Senior Youth Club",
                    description: "Evening club with pool, music, cooking and discussion nights, plus residential trips during the year.",
                    eligibility: "Young people aged 14 to 18.",
                    applicationProcess: "Drop in and meet a youth worker to sign up.",
                    minimumAge: 14,
                    maximumAge: 18,
                    sessions: ["TU,TH 19:00-21:30", "FR 19:00-22:00"],
                    terms: ["children-families.youth"]
                ),
                SampleService(
                    name: "Youth Information Drop-in",
                    description: "Confidential information and advice for young people on anything from jobs and college to relationships and sexual health.",
                    eligibility: "Young people aged 12 to 24.",
                    applicationProcess: "Drop in; no appointment needed.",
                    minimumAge: 12,
                    maximumAge: 24,
                    sessions: ["MO,WE,FR 13:00-17:00"],
                    terms: ["children-families.youth", "health-wellbeing.mental-health"]
                ),
                SampleService(
                    name: "Rainbow Balcurris LGBTQ+ Youth Group",
                    description: "A safe and fun weekly group for LGBTQ+ young people and those who are questioning, with trained youth workers.",
                    eligibility: "Young people aged 14 to 21.",
                    applicationProcess: "Phone or drop in to meet a youth worker before your first session.",
                    minimumAge: 14,
                    maximumAge: 21,
                    sessions: ["WE 18:30-20:30"],
                    terms: ["children-families.youth", "health-wellbeing.mental-health"]
                ),
            ]
        ),
        SampleOrganization(
            name: "Sillogue Lone Parents' Network",
            description: "A peer network run by and for one-parent families, offering friendship, practical advice and a voice on local issues.",
            street: "Room 4, 60 Sillogue Road",
            neighbourhood: "Sillogue",
            services: [
                SampleService(
                    name: "Lone Parents' Coffee Morning",
                    description: "A weekly coffee morning with a free crèche, where one-parent families share advice and support each other.",
                    eligibility: "Single parents and their children.",
                    applicationProcess: "Drop in; let us know in advance if you need a crèche place.",
                    languages: ["en", "ro", "pl"],
                    sessions: ["WE 10:00-12:00"],
                    terms: ["children-families.parenting", "children-families.family-support"]
                ),
                SampleService(
                    name: "Welfare and Maintenance Advice Clinic",
                    description: "One-to-one help with social welfare, child maintenance and childcare subsidy applications, from trained volunteers.",
                    eligibility: "One-parent families living in Dublin 9 or Dublin 11.",
                    applicationProcess: "Phone to book a 30-minute appointment.",
                    languages: ["en", "pl"],
                    sessions: ["TH 10:00-13:00"],
                    terms: ["children-families.family-support"]
                ),
            ]
        ),
        SampleOrganization(
            name: "Balbutcher Baby Bank",
            description: "A volunteer-run baby bank giving good-quality pre-loved clothes, prams and equipment to families who need them, with dignity and no fuss.",
            street: "Unit 12, 5 Balbutcher Lane",
            neighbourhood: "Balbutcher",
            services: [
                SampleService(
                    name: "Baby Bank Collection Day",
                    description: "Families collect nappies, clothes, cots and buggies free of charge. Volunteers put together a pack to suit each family.",
                    eligibility: "Families referred by a public health nurse, social worker or community organisation.",
                    applicationProcess: "Referral from a public health nurse, social worker or family support worker.",
                    languages: ["en", "ro", "ar"],
                    sessions: ["SA 10:00-13:00"],
                    terms: ["children-families.family-support", "children-families.early-years"]
                ),
                SampleService(
                    name: "Safe Sleep and Car Seat Checks",
                    description: "Trained volunteers check that car seats are fitted correctly and share safe-sleep advice for new babies.",
                    eligibility: "Parents and carers of babies and young children.",
                    applicationProcess: "Phone to book a 20-minute slot.",
                    sessions: ["SA 10:30-12:30"],
                    terms: ["children-families.early-years", "children-families.parenting"]
                ),
            ]
        ),
        SampleOrganization(
            name: "Santry Cross Childminders' Circle",
            description: "A support network for local childminders and the families who use them, with meet-ups, training and help finding childcare.",
            street: "23 Santry Avenue",
            neighbourhood: "Santry Cross",
            services: [
                SampleService(
                    name: "Childminder Meet-ups",
                    description: "A weekly playgroup-style meet-up for childminders and the children in their care, with a training talk each month.",
                    eligibility: "Childminders working in the Dublin 9 and Dublin 11 area.",
                    applicationProcess: "Drop in; new childminders are asked to phone first.",
                    sessions: ["FR 10:00-12:00"],
                    terms: ["children-families.early-years"]
                ),
                SampleService(
                    name: "Childcare Matching Service",
                    description: "Helps parents find a local childminder or crèche place and understand the National Childcare Scheme subsidy.",
                    eligibility: "Parents and guardians looking for childcare.",
                    applicationProcess: "Phone or call in during opening hours.",
                    languages: ["en", "pt"],
                    sessions: ["MO,WE 09:30-13:30"],
                    terms: ["children-families.early-years", "children-families.family-support"]
                ),
                SampleService(
                    name: "First Aid for Little Ones",
                    description: "A one-day paediatric first aid course covering choking, burns, fevers and CPR for babies and children.",
                    eligibility: "Parents, grandparents and childminders aged 16 and over.",
                    applicationProcess: "Phone to book a place on the next course.",
                    minimumAge: 16,
                    cost: "€25 per course",
                    sessions: ["SA 10:00-14:00"],
                    terms: ["children-families.parenting", "health-wellbeing.primary-care"]
                ),
            ]
        ),
        SampleOrganization(
            name: "Millrace Family Centre",
            description: "A drop-in family centre on Main Street supporting expectant parents, separating families and parents of young children.",
            street: "Level 1, 14 Main Street",
            neighbourhood: "Ballymun Town Centre",
            services: [
                SampleService(
                    name: "Bump and Beyond Antenatal Group",
                    description: "An informal weekly meet-up for expectant parents, with visits from a community midwife and a breastfeeding counsellor.",
                    eligibility: "Expectant parents and their partners.",
                    applicationProcess: "Drop in; no need to book.",
                    languages: ["en", "pt", "ar", "yo"],
                    sessions: ["MO 11:00-12:30"],
                    terms: ["children-families.parenting", "health-wellbeing.primary-care"]
                ),
                SampleService(
                    name: "Family Mediation Clinic",
                    description: "Free mediation to help separating parents agree arrangements for their children without going to court.",
                    eligibility: "Separating or separated parents with children under 18.",
                    applicationProcess: "Phone to arrange an initial meeting; each parent is seen separately first.",
                    languages: ["en", "pl"],
                    sessions: ["WE 10:00-16:00", "TH 18:00-20:00"],
                    terms: ["children-families.family-support", "community-safety.restorative-justice"]
                ),
                SampleService(
                    name: "Toy and Sensory Library",
                    description: "Borrow educational toys, games and sensory kits for up to three weeks, with advice on play at each age and stage.",
                    eligibility: "Families with children up to age 8.",
                    applicationProcess: "Join in person; bring proof of address.",
                    maximumAge: 8,
                    cost: "€5 per year membership",
                    sessions: ["TU 14:00-17:00", "SA 10:00-12:00"],
                    terms: ["children-families.early-years", "art-culture.library"]
                ),
            ]
        ),
        SampleOrganization(
            name: "Shangan Young Carers Project",
            description: "Supports children and teenagers who help look after a family member with an illness, disability or addiction, so they get time to just be young.",
            street: "35 Shangan Avenue",
            neighbourhood: "Shangan",
            services: [
                SampleService(
                    name: "Young Carers' Club",
                    description: "A weekly club with games, homework help and a chance to meet other young carers who understand.",
                    eligibility: "Young carers aged 8 to 17.",
                    applicationProcess: "Self-referral, or referral from a school, GP, social worker or parent.",
                    minimumAge: 8,
                    maximumAge: 17,
                    sessions: ["WE 16:00-18:00"],
                    terms: ["children-families.youth", "health-wellbeing.carers"]
                ),
                SampleService(
                    name: "Young Carers' Breaks",
                    description: "Monthly Saturday trips and activity days, from climbing walls to the seaside, giving young carers a real break.",
                    eligibility: "Registered members of the Young Carers' Club.",
                    applicationProcess: "Sign up with your project worker.",
                    minimumAge: 8,
                    maximumAge: 17,
                    sessions: ["SA 10:00-16:00"],
                    terms: ["children-families.youth", "health-wellbeing.carers"]
                ),
                SampleService(
                    name: "Family Check-ins",
                    description: "A project worker meets the whole family at home to plan support and link in with school and health services.",
                    eligibility: "Families where a child has a caring role.",
                    applicationProcess: "Referral from a school, GP, social worker or self-referral by phone.",
                    sessions: ["MO,TU,TH 10:00-16:00"],
                    terms: ["children-families.family-support", "health-wellbeing.carers"]
                ),
            ]
        ),
        SampleOrganization(
            name: "Little Wrens Early Learning Support",
            description: "Play-based early intervention for young children with speech, language or developmental delays, and support for their parents.",
            street: "Unit 2, 17 Balbutcher Drive",
            neighbourhood: "Balbutcher",
            services: [
                SampleService(
                    name: "Speech and Language Play Sessions",
                    description: "Small-group play sessions led by a speech and language therapist, with ideas parents can use at home.",
                    eligibility: "Children aged 2 to 6 with speech or language delays.",
                    applicationProcess: "Referral from a public health nurse, GP or preschool.",
                    minimumAge: 2,
                    maximumAge: 6,
                    languages: ["en", "ga"],
                    sessions: ["MO,WE 10:00-11:30"],
                    terms: ["children-families.early-years", "health-wellbeing.disability"]
                ),
                SampleService(
                    name: "Sensory Play Room",
                    description: "A bookable sensory room with lights, soft play and calming equipment for children with autism or additional needs and their families.",
                    eligibility: "Children aged 0 to 8 with additional needs, with a parent or carer.",
                    applicationProcess: "Phone to book a one-hour slot.",
                    minimumAge: 0,
                    maximumAge: 8,
                    sessions: ["TU,TH 09:30-15:30", "SA 10:00-13:00"],
                    terms: ["children-families.early-years", "health-wellbeing.disability"]
                ),
                SampleService(
                    name: "Parents of Children with Additional Needs Group",
                    description: "An evening peer support group where parents share experiences of assessments, services and school placements.",
                    eligibility: "Parents and carers of children with additional needs.",
                    applicationProcess: "Drop in, or phone for a chat first.",
                    sessions: ["TH 19:00-21:00"],
                    terms: ["children-families.parenting", "health-wellbeing.disability"]
                ),
            ]
        ),
        SampleOrganization(
            name: "Brightway Mentoring",
            description: "Matches young people with trained, Garda-vetted adult volunteers for weekly outings, conversation and encouragement.",
            street: "14 Sillogue Avenue",
            neighbourhood: "Sillogue",
            services: [
                SampleService(
                    name: "One-to-One Mentoring",
                    description: "A young person and their mentor meet weekly for a year to do activities they both enjoy and set small goals together.",
                    eligibility: "Young people aged 10 to 16 who would benefit from an extra adult in their corner.",
                    applicationProcess: "Referral by a parent, school or youth worker, followed by a home visit.",
                    minimumAge: 10,
                    maximumAge: 16,
                    sessions: ["MO,TU,WE,TH 15:30-19:30"],
                    terms: ["children-families.youth"]
                ),
                SampleService(
                    name: "Mentor Group Activity Days",
                    description: "Monthly group outings for mentors and mentees: bowling, cinema, hillwalking and cooking.",
                    eligibility: "Young people already matched with a mentor.",
                    applicationProcess: "Sign up through your mentoring coordinator.",
                    minimumAge: 10,
                    maximumAge: 16,
                    sessions: ["SA 11:00-15:00"],
                    terms: ["children-families.youth", "recreation-sport.walking"]
                ),
            ]
        ),
        SampleOrganization(
            name: "Balcurris Kinship Carers Circle",
            description: "Support and advice for grandparents, aunts, uncles and older siblings who are raising a relative's children.",
            street: "Community Room, 3 Balcurris Close",
            neighbourhood: "Balcurris",
            services: [
                SampleService(
                    name: "Kinship Carers' Support Group",
                    description: "A friendly fortnightly group to share experiences, hear from guest speakers and take a break over tea.",
                    eligibility: "Relatives raising children who cannot live with their parents.",
                    applicationProcess: "Drop in, or phone if you would like someone to meet you at the door.",
                    sessions: ["TU 10:30-12:30"],
                    terms: ["children-families.family-support", "health-wellbeing.carers"]
                ),
                SampleService(
                    name: "Kinship Carers' Advice Line",
                    description: "Phone advice on guardianship, allowances, school and access arrangements from an experienced family support worker.",
                    eligibility: "Kinship carers living in Dublin 9 or Dublin 11.",
                    applicationProcess: "Phone the advice line during opening hours.",
                    sessions: ["MO,TU,WE,TH,FR 10:00-13:00"],
                    terms: ["children-families.family-support"]
                ),
            ]
        ),
        SampleOrganization(
            name: "Hazel Tree Community Crèche",
            description: "A not-for-profit community crèche with full-day care, after-school care and fees linked to family income.",
            street: "Block C, 8 Main Street",
            neighbourhood: "Ballymun Town Centre",
            services: [
                SampleService(
                    name: "Full Day Care",
                    description: "Baby, toddler and preschool rooms with a qualified early years team, outdoor play and freshly cooked meals.",
                    eligibility: "Children from 6 months to 5 years.",
                    applicationProcess: "Apply in person; a waiting list operates and siblings get priority.",
                    minimumAge: 0,
                    maximumAge: 5,
                    cost: "Sliding scale; National Childcare Scheme subsidies accepted",
                    languages: ["en", "ga", "pl"],
                    sessions: ["MO,TU,WE,TH,FR 07:30-18:00"],
                    terms: ["children-families.early-years"]
                ),
                SampleService(
                    name: "After-School Care",
                    description: "Collection from local schools, homework time, a hot meal and play until parents finish work.",
                    eligibility: "Primary-school children aged 5 to 12.",
                    applicationProcess: "Apply in person; places are offered each June.",
                    minimumAge: 5,
                    maximumAge: 12,
                    cost: "€40 per week before subsidies",
                    sessions: ["MO,TU,WE,TH,FR 13:30-18:00"],
                    terms: ["children-families.after-school"]
                ),
            ]
        ),
        SampleOrganization(
            name: "Dragonfly Family Bereavement Service",
            description: "Supports children and families after the death of a loved one through play, art and listening, at their own pace.",
            street: "2nd Floor, 22 Main Street",
            neighbourhood: "Ballymun Town Centre",
            services: [
                SampleService(
                    name: "Children's Bereavement Groups",
                    description: "Small groups where children explore feelings of grief through play, art and storytelling with trained facilitators.",
                    eligibility: "Children aged 6 to 12 who have been bereaved.",
                    applicationProcess: "A parent or guardian phones for an initial meeting.",
                    minimumAge: 6,
                    maximumAge: 12,
                    sessions: ["TH 16:00-17:30"],
                    terms: ["children-families.family-support", "health-wellbeing.mental-health"]
                ),
                SampleService(
                    name: "Teen Bereavement Support",
                    description: "One-to-one and group support for teenagers after a death, including death by suicide or overdose.",
                    eligibility: "Young people aged 13 to 18.",
                    applicationProcess: "Self-referral or referral from a parent, school or GP.",
                    minimumAge: 13,
                    maximumAge: 18,
                    sessions: ["TU 17:00-18:30"],
                    terms: ["children-families.youth", "health-wellbeing.mental-health"]
                ),
                SampleService(
                    name: "Parents' Guidance Sessions",
                    description: "Guidance for parents on how to talk to children about death and support them through the funeral and afterwards.",
                    eligibility: "Parents and carers of bereaved children.",
                    applicationProcess: "Phone to book a session.",
                    sessions: ["MO,WE 10:00-14:00"],
                    terms: ["children-families.parenting"]
                ),
            ]
        ),
        SampleOrganization(
            name: "Coultry Adventure Play",
            description: "A supervised adventure playground with playworkers, dens, loose parts and a covered area for wet days.",
            street: "Coultry Park, 50 Coultry Road",
            neighbourhood: "Coultry",
            services: [
                SampleService(
                    name: "After-School Adventure Play",
                    description: "Free, open-access play after school: building dens, climbing, campfire cooking and games, supervised by playworkers.",
                    eligibility: "Children aged 6 to 12.",
                    applicationProcess: "A parent or guardian registers the child on the first visit.",
                    minimumAge: 6,
                    maximumAge: 12,
                    sessions: ["MO,TU,WE,TH,FR 15:00-18:00"],
                    terms: ["children-families.after-school"]
                ),
                SampleService(
                    name: "Weekend Family Play",
                    description: "The playground opens to whole families at weekends, with a tea hut for parents.",
                    eligibility: "Families with children of any age.",
                    applicationProcess: "Drop in.",
                    sessions: ["SA,SU 11:00-15:00"],
                    terms: ["children-families.family-support", "place-making.community-spaces"]
                ),
                SampleService(
                    name: "Toddler Outdoor Play",
                    description: "Mud kitchens, sand and water play for toddlers, with waterproofs provided.",
                    eligibility: "Children aged 1 to 4 with a parent or carer.",
                    applicationProcess: "Drop in; no booking needed.",
                    minimumAge: 1,
                    maximumAge: 4,
                    sessions: ["WE 10:00-11:30"],
                    terms: ["children-families.early-years"]
                ),
            ]
        ),
        SampleOrganization(
            name: "New Communities Family Link",
            description: "Helps migrant, refugee and international protection families settle in Ballymun, with interpreting, school liaison and social events.",
            street: "Unit 6, 40 Santry Avenue",
            neighbourhood: "Santry Cross",
            services: [
                SampleService(
                    name: "School Liaison and Interpreting",
                    description: "Bilingual workers help parents enrol children in school, attend parent-teacher meetings and understand reports and forms.",
                    eligibility: "Families whose first language is not English.",
                    applicationProcess: "Phone or drop in; interpreters can be arranged for appointments.",
                    languages: ["en", "ar", "so", "pt", "fr", "uk", "ro"],
                    sessions: ["MO,TU,WE,TH 09:30-15:00"],
                    terms: ["children-families.family-support", "education-training.language"]
                ),
                SampleService(
                    name: "International Mothers' Group",
                    description: "A weekly group with a crèche where mothers from many countries share food, advice and friendship.",
                    eligibility: "Mothers and mothers-to-be from any background.",
                    applicationProcess: "Drop in; crèche places should be booked by phone.",
                    languages: ["en", "ar", "so", "yo", "fr"],
                    sessions: ["FR 10:30-12:30"],
                    terms: ["children-families.parenting"]
                ),
                SampleService(
                    name: "Mother-Tongue Saturday School",
                    description: "Saturday classes that help children keep up reading and writing in Ukrainian, Polish and Arabic.",
                    eligibility: "Children aged 5 to 14.",
                    applicationProcess: "Register in person at the start of each term.",
                    minimumAge: 5,
                    maximumAge: 14,
                    cost: "€30 per term",
                    languages: ["en", "uk", "pl", "ar"],
                    sessions: ["SA 10:00-13:00"],
                    terms: ["children-families.after-school", "education-training.language"]
                ),
                SampleService(
                    name: "Family Welcome Evenings",
                    description: "Monthly evenings of food, music and games that bring new and long-standing Ballymun families together.",
                    eligibility: "Everyone is welcome.",
                    applicationProcess: "Drop in; bring a dish if you like.",
                    languages: ["en", "ar", "pt"],
                    sessions: ["TH 18:00-20:00"],
                    terms: ["children-families.family-support", "art-culture.heritage"]
                ),
            ]
        ),
        SampleOrganization(
            name: "1st Sillogue Explorers",
            description: "A volunteer-led uniformed outdoor adventure group teaching young people camping, first aid and teamwork.",
            street: "Scout Den, 71 Sillogue Road",
            neighbourhood: "Sillogue",
            services: [
                SampleService(
                    name: "Beavers and Cubs",
                    description: "Games, badges, nature trails and first camps for younger members.",
                    eligibility: "Children aged 6 to 11.",
                    applicationProcess: "Phone to join the waiting list; parents are invited to help out.",
                    minimumAge: 6,
                    maximumAge: 11,
                    cost: "€60 per year",
                    sessions: ["TU 18:00-19:30"],
                    terms: ["children-families.youth", "recreation-sport.walking"]
                ),
                SampleService(
                    name: "Explorers Section",
                    description: "Hiking, camping, kayaking and leadership challenges for older members, with weekend expeditions.",
                    eligibility: "Young people aged 11 to 15.",
                    applicationProcess: "Phone to join; a uniform grant is available.",
                    minimumAge: 11,
                    maximumAge: 15,
                    cost: "€60 per year",
                    sessions: ["TH 19:00-21:00", "SA 10:00-13:00"],
                    terms: ["children-families.youth", "recreation-sport.walking"]
                ),
            ]
        ),
        SampleOrganization(
            name: "Poppintree Family Learning Project",
            description: "Family learning sessions that help parents support their children's reading, maths and play at home.",
            street: "Poppintree Community Room, 12 Poppintree Park Lane",
            neighbourhood: "Poppintree",
            services: [
                SampleService(
                    name: "Storysacks and Rhymes",
                    description: "Parents and little ones enjoy a story, make a simple prop and borrow a storysack to take home.",
                    eligibility: "Parents with children aged 0 to 5.",
                    applicationProcess: "Drop in.",
                    minimumAge: 0,
                    maximumAge: 5,
                    languages: ["en", "ga"],
                    sessions: ["MO 10:00-11:00"],
                    terms: ["children-families.early-years", "art-culture.library"]
                ),
                SampleService(
                    name: "Maths for Mums and Dads",
                    description: "A friendly six-week course explaining how maths is taught in primary school today, so parents can help with homework.",
                    eligibility: "Parents and carers of primary-school children.",
                    applicationProcess: "Phone to book a place.",
                    languages: ["en", "ar"],
                    sessions: ["WE 09:30-11:30"],
                    terms: ["children-families.parenting", "education-training.adult-literacy"]
                ),
                SampleService(
                    name: "Family Cooking Nights",
                    description: "Parents and children cook a healthy, low-cost meal together, then sit down and eat it.",
                    eligibility: "Families with children aged 6 and over.",
                    applicationProcess: "Phone to book; six families per night.",
                    cost: "€2 per family",
                    sessions: ["TH 17:30-19:30"],
                    terms: ["children-families.family-support", "health-wellbeing.primary-care"]
                ),
            ]
        ),
        SampleOrganization(
            name: "Balcurris Young Parents' Project",
            description: "Support for young parents from pregnancy until their child starts school, with a crèche, lunch and a youth worker on hand.",
            street: "12 Balcurris Gardens",
            neighbourhood: "Balcurris",
            services: [
                SampleService(
                    name: "Young Parents' Group",
                    description: "A twice-weekly group with lunch, crèche, parenting chats and fun outings for young mums and dads.",
                    eligibility: "Young parents and parents-to-be aged 14 to 22.",
                    applicationProcess: "Self-referral or referral from a public health nurse, school or social worker.",
                    minimumAge: 14,
                    maximumAge: 22,
                    sessions: ["TU,TH 11:00-14:00"],
                    terms: ["children-families.parenting", "children-families.youth"]
                ),
                SampleService(
                    name: "Back to Education for Young Parents",
                    description: "One-to-one support to return to school, a training course or college, including help with childcare costs.",
                    eligibility: "Young parents aged 16 to 24.",
                    applicationProcess: "Phone to book a meeting with the education worker.",
                    minimumAge: 16,
                    maximumAge: 24,
                    sessions: ["WE 10:00-13:00"],
                    terms: ["children-families.parenting", "education-training.further-education"]
                ),
            ]
        ),
    ]

    private static let healthWellbeing: [SampleOrganization] = [
        SampleOrganization(
            name: "Shangan Health Point",
            description: "A community health point with nurse-led drop-ins, an evening walk-in clinic and support groups for long-term conditions.",
            street: "Unit 1, 55 Shangan Road",
            neighbourhood: "Shangan",
            services: [
                SampleService(
                    name: "Nurse Drop-in Clinic",
                    description: "A practice nurse checks blood pressure, changes dressings, gives flu and routine vaccines and answers health questions.",
                    eligibility: "Anyone living in the area; no GP letter needed.",
                    applicationProcess: "Drop in; no appointment needed.",
                    languages: ["en", "pl", "ro"],
                    sessions: ["MO,WE,FR 09:30-12:30"],
                    terms: ["health-wellbeing.primary-care"]
                ),
                SampleService(
                    name: "Evening Walk-in GP Clinic",
                    description: "A GP-led walk-in clinic for minor illnesses and injuries for people who cannot get a same-day appointment with their own doctor.",
                    eligibility: "Adults and children; children must attend with a parent or guardian.",
                    applicationProcess: "Walk in; patients are seen in order of arrival and triaged by a nurse.",
                    cost: "Free for medical card holders; €40 otherwise",
                    languages: ["en", "ar", "fr"],
                    sessions: ["TU,TH 18:00-20:30"],
                    terms: ["health-wellbeing.primary-care"]
                ),
                SampleService(
                    name: "Diabetes Support Group",
                    description: "A monthly group for people living with type 2 diabetes, with a dietitian, foot-care tips and shared recipes.",
                    eligibility: "Adults with diabetes or pre-diabetes, and their family members.",
                    applicationProcess: "Drop in; new members are welcome at any meeting.",
                    sessions: ["TH 14:00-15:30"],
                    terms: ["health-wellbeing.primary-care", "health-wellbeing.older-people"]
                ),
            ]
        ),
        SampleOrganization(
            name: "Turnstone Recovery Collective",
            description: "A community addiction service offering key working, harm reduction and a recovery community for people affected by drug and alcohol use.",
            street: "3rd Floor, 30 Main Street",
            neighbourhood: "Ballymun Town Centre",
            services: [
                SampleService(
                    name: "Addiction Key Worker Service",
                    description: "A key worker helps you plan your recovery, link in with treatment and deal with housing, welfare or court issues along the way.",
                    eligibility: "Adults aged 18 and over affected by their own drug or alcohol use.",
                    applicationProcess: "Self-referral by phone or in person, or referral from a GP or probation officer.",
                    minimumAge: 18,
                    languages: ["en", "pl"],
                    sessions: ["MO,TU,WE,TH,FR 09:30-17:00"],
                    terms: ["health-wellbeing.addiction"]
                ),
                SampleService(
                    name: "Harm Reduction Drop-in",
                    description: "Confidential needle and syringe exchange, naloxone training and supply, wound care and safer-use advice.",
                    eligibility: "Adults aged 18 and over who use drugs.",
                    applicationProcess: "Drop in; the service is anonymous.",
                    minimumAge: 18,
                    languages: ["en", "pl", "ro"],
                    sessions: ["MO,TU,WE,TH,FR 10:00-13:00"],
                    terms: ["health-wellbeing.addiction", "health-wellbeing.primary-care"]
                ),
                SampleService(
                    name: "Recovery Café",
                    description: "A Friday evening café for people in recovery and their friends, with a cooked meal, music and peer support.",
                    eligibility: "Anyone in or seeking recovery from addiction.",
                    applicationProcess: "Drop in.",
                    minimumAge: 18,
                    sessions: ["FR 18:00-21:00"],
                    terms: ["health-wellbeing.addiction", "health-wellbeing.mental-health"]
                ),
                SampleService(
                    name: "Aftercare Group",
                    description: "A weekly peer-led group for people who have completed residential or community treatment, focused on relapse prevention.",
                    eligibility: "Adults who have completed an addiction treatment programme.",
                    applicationProcess: "Speak to a key worker, or drop in to the first meeting.",
                    minimumAge: 18,
                    sessions: ["WE 18:30-20:00"],
                    terms: ["health-wellbeing.addiction"]
                ),
            ]
        ),
        SampleOrganization(
            name: "Harbour Family Support Group",
            description: "A support group for parents, partners and relatives affected by a loved one's drug or alcohol use.",
            street: "Balbutcher Community Hall, 10 Balbutcher Lane",
            neighbourhood: "Balbutcher",
            services: [
                SampleService(
                    name: "Family Support Group Meeting",
                    description: "A confidential weekly meeting where family members share experiences, learn coping skills and look after themselves.",
                    eligibility: "Family members and friends of someone using drugs or alcohol.",
                    applicationProcess: "Drop in; you do not need to give your name.",
                    minimumAge: 18,
                    sessions: ["MO 19:30-21:00"],
                    terms: ["health-wellbeing.addiction", "children-families.family-support"]
                ),
                SampleService(
                    name: "One-to-One Family Support",
                    description: "A family support worker meets you to talk through what is happening at home and how to respond to your loved one.",
                    eligibility: "Adults affected by a family member's drug or alcohol use.",
                    applicationProcess: "Phone to arrange a meeting.",
                    minimumAge: 18,
                    sessions: ["TU,TH 10:00-16:00"],
                    terms: ["health-wellbeing.addiction", "children-families.family-support"]
                ),
                SampleService(
                    name: "Bereaved Through Addiction Group",
                    description: "A monthly group for families who have lost someone to drug- or alcohol-related death.",
                    eligibility: "Adults bereaved through addiction.",
                    applicationProcess: "Phone first for a short chat with the facilitator.",
                    minimumAge: 18,
                    sessions: ["WE 11:00-12:30"],
                    terms: ["health-wellbeing.addiction", "health-wellbeing.mental-health"]
                ),
            ]
        ),
        SampleOrganization(
            name: "Larchwood Counselling Centre",
            description: "Affordable, professional counselling for adults, couples and young people, with fees based on what you can afford.",
            street: "48 Sillogue Road",
            neighbourhood: "Sillogue",
            services: [
                SampleService(
                    name: "Low-Cost Counselling for Adults",
                    description: "Up to twelve sessions with an accredited counsellor for anxiety, depression, relationship difficulties, trauma or loss.",
                    eligibility: "Adults aged 18 and over.",
                    applicationProcess: "Phone for an assessment appointment; there may be a short waiting list.",
                    minimumAge: 18,
                    cost: "€10 to €30 per session, based on income",
                    languages: ["en", "ga"],
                    sessions: ["MO,TU,WE,TH 10:00-20:00", "SA 10:00-14:00"],
                    terms: ["health-wellbeing.mental-health"]
                ),
                SampleService(
                    name: "Youth Counselling",
                    description: "Free short-term counselling for teenagers dealing with stress, bullying, family problems or low mood.",
                    eligibility: "Young people aged 12 to 17.",
                    applicationProcess: "Referral from a parent, school, youth worker or GP.",
                    minimumAge: 12,
                    maximumAge: 17,
                    sessions: ["TU,TH 15:00-19:00"],
                    terms: ["health-wellbeing.mental-health", "children-families.youth"]
                ),
                SampleService(
                    name: "Counselling in Polish and Romanian",
                    description: "Counselling with therapists who speak Polish or Romanian, for people who prefer to talk in their own language.",
                    eligibility: "Adults aged 18 and over.",
                    applicationProcess: "Phone and leave a message; a counsellor will call you back.",
                    minimumAge: 18,
                    cost: "€15 per session",
                    languages: ["en", "pl", "ro"],
                    sessions: ["WE 17:00-20:00"],
                    terms: ["health-wellbeing.mental-health"]
                ),
            ]
        ),
        SampleOrganization(
            name: "Poppintree Mind Matters",
            description: "A peer-led mental health group run by people with lived experience, offering support groups and recovery workshops.",
            street: "Poppintree Hall, 3 Poppintree Park Lane",
            neighbourhood: "Poppintree",
            services: [
                SampleService(
                    name: "Mental Health Peer Support Group",
                    description: "A weekly evening group where people living with mental health difficulties support each other in a non-judgemental space.",
                    eligibility: "Adults aged 18 and over.",
                    applicationProcess: "Drop in; a peer worker will greet you.",
                    minimumAge: 18,
                    languages: ["en", "uk"],
                    sessions: ["WE 19:00-20:30"],
                    terms: ["health-wellbeing.mental-health"]
                ),
                SampleService(
                    name: "Wellness Recovery Planning Workshops",
                    description: "A six-week workshop where you build a personal plan for staying well, spotting early warning signs and getting support.",
                    eligibility: "Adults aged 18 and over.",
                    applicationProcess: "Phone to book a place.",
                    minimumAge: 18,
                    sessions: ["MO 10:30-12:30"],
                    terms: ["health-wellbeing.mental-health"]
                ),
                SampleService(
                    name: "Hearing Voices Group",
                    description: "A safe space for people who hear voices or have unusual experiences to share coping strategies.",
                    eligibility: "Adults who hear voices or see visions.",
                    applicationProcess: "Phone for a chat with the facilitator before your first visit.",
                    minimumAge: 18,
                    sessions: ["TH 14:00-15:30"],
                    terms: ["health-wellbeing.mental-health"]
                ),
            ]
        ),
        SampleOrganization(
            name: "Coultry Carers' Circle",
            description: "Information, breaks and friendship for family carers looking after someone who is ill, older or has a disability.",
            street: "Coultry Resource Room, 21 Coultry Road",
            neighbourhood: "Coultry",
            services: [
                SampleService(
                    name: "Carers' Coffee and Chat",
                    description: "A weekly coffee morning where family carers meet others in the same situation and hear about supports.",
                    eligibility: "Family carers of any age.",
                    applicationProcess: "Drop in.",
                    languages: ["en", "ga"],
                    sessions: ["TU 10:30-12:30"],
                    terms: ["health-wellbeing.carers"]
                ),
                SampleService(
                    name: "Carers' Rights Clinic",
                    description: "One-to-one help applying for Carer's Allowance, Carer's Support Grant, home support hours and housing adaptations.",
                    eligibility: "Family carers living in Dublin 9 or Dublin 11.",
                    applicationProcess: "Phone to book a 45-minute appointment.",
                    languages: ["en", "pl"],
                    sessions: ["TH 10:00-13:00"],
                    terms: ["health-wellbeing.carers"]
                ),
                SampleService(
                    name: "Respite Sitting Service",
                    description: "Trained volunteers sit with the person you care for so you can take a few hours for yourself.",
                    eligibility: "Family carers who are registered with the Circle.",
                    applicationProcess: "Referral from a public health nurse or self-referral; an assessment visit is required.",
                    sessions: ["MO,TU,WE,TH,FR 09:00-17:00"],
                    terms: ["health-wellbeing.carers", "health-wellbeing.older-people"]
                ),
            ]
        ),
        SampleOrganization(
            name: "Ashgrove Day Centre",
            description: "A day centre for older people offering a hot lunch, company, activities and health services, with door-to-door transport.",
            street: "2 Santry Avenue",
            neighbourhood: "Santry Cross",
            services: [
                SampleService(
                    name: "Day Centre Programme",
                    description: "A day of activities, chat, a hot two-course lunch and a bus home. Nurses and a hairdresser visit regularly.",
                    eligibility: "People aged 65 and over living in Dublin 9 or Dublin 11.",
                    applicationProcess: "Referral from a public health nurse or GP.",
                    minimumAge: 65,
                    cost: "€6 per day including lunch and transport",
                    sessions: ["MO,TU,WE,TH,FR 10:00-15:00"],
                    terms: ["health-wellbeing.older-people"]
                ),
                SampleService(
                    name: "Chiropody Clinic",
                    description: "Foot-care appointments with a qualified chiropodist, including nail cutting and corn and callus care.",
                    eligibility: "People aged 65 and over.",
                    applicationProcess: "Phone to book an appointment.",
                    minimumAge: 65,
                    cost: "€15 per appointment; free with a medical card",
                    sessions: ["WE 10:00-14:00"],
                    terms: ["health-wellbeing.older-people", "health-wellbeing.primary-care"]
                ),
                SampleService(
                    name: "Memory Café",
                    description: "A relaxed monthly café for people living with dementia and their carers, with music, reminiscence and advice.",
                    eligibility: "People living with dementia or memory problems, and their carers.",
                    applicationProcess: "Drop in.",
                    sessions: ["FR 14:00-16:00"],
                    terms: ["health-wellbeing.older-people", "health-wellbeing.carers"]
                ),
            ]
        ),
        SampleOrganization(
            name: "Balcurris Disability Access Hub",
            description: "Peer-led support, advice and social activities for disabled people and their families, run by disabled people.",
            street: "Unit 5, 27 Balcurris Road",
            neighbourhood: "Balcurris",
            services: [
                SampleService(
                    name: "Disability Advice Clinic",
                    description: "Information and help with Disability Allowance, the Blue Badge, personal assistant hours and accessible housing.",
                    eligibility: "Disabled people and their families.",
                    applicationProcess: "Drop in, or phone to arrange a home visit.",
                    sessions: ["TU,TH 10:00-14:00"],
                    terms: ["health-wellbeing.disability"]
                ),
                SampleService(
                    name: "Friday Night Social Club",
                    description: "A social evening with music, games and discos for adults with intellectual disabilities, run with volunteer buddies.",
                    eligibility: "Adults aged 18 and over with an intellectual disability.",
                    applicationProcess: "A family member or key worker phones to register.",
                    minimumAge: 18,
                    cost: "€3 per night",
                    sessions: ["FR 18:00-21:00"],
                    terms: ["health-wellbeing.disability"]
                ),
                SampleService(
                    name: "Assistive Technology Demonstrations",
                    description: "Try out screen readers, hearing loops, smart-home devices and mobility aids with a trained peer advisor.",
                    eligibility: "Anyone with a disability or long-term condition.",
                    applicationProcess: "Phone to book a demonstration.",
                    sessions: ["WE 10:00-12:00"],
                    terms: ["health-wellbeing.disability", "education-training.digital-skills"]
                ),
            ]
        ),
        SampleOrganization(
            name: "Shangan Women's Health Café",
            description: "An informal café where women can learn about their health, from menopause to screening, in a relaxed and friendly setting.",
            street: "28 Shangan Avenue",
            neighbourhood: "Shangan",
            services: [
                SampleService(
                    name: "Menopause Support Group",
                    description: "A monthly evening group with a women's health nurse, sharing practical tips and honest conversation about menopause.",
                    eligibility: "Women aged 35 and over.",
                    applicationProcess: "Drop in.",
                    minimumAge: 35,
                    sessions: ["TU 19:00-20:30"],
                    terms: ["health-wellbeing.primary-care", "health-wellbeing.mental-health"]
                ),
                SampleService(
                    name: "Women's Health Talks",
                    description: "Short talks with interpreters on breast and cervical screening, heart health and healthy eating.",
                    eligibility: "Women of all backgrounds.",
                    applicationProcess: "Drop in; tell us in advance if you need an interpreter.",
                    languages: ["en", "ar", "so", "yo", "pt"],
                    sessions: ["FR 10:30-12:00"],
                    terms: ["health-wellbeing.primary-care"]
                ),
            ]
        ),
        SampleOrganization(
            name: "Northlight Youth Substance Service",
            description: "Early intervention and support for young people, and their families, who are worried about drug, alcohol or gambling use.",
            street: "Unit 3, 9 Sillogue Avenue",
            neighbourhood: "Sillogue",
            services: [
                SampleService(
                    name: "Youth Drug and Alcohol Early Intervention",
                    description: "One-to-one sessions that help young people understand the risks, cut down or stop, and deal with what is behind their use.",
                    eligibility: "Young people aged 12 to 21.",
                    applicationProcess: "Self-referral, or referral from a parent, school, youth worker or GP.",
                    minimumAge: 12,
                    maximumAge: 21,
                    sessions: ["MO,TU,WE,TH 10:00-18:00"],
                    terms: ["health-wellbeing.addiction", "children-families.youth"]
                ),
                SampleService(
                    name: "Parents' Information Evenings",
                    description: "Evening sessions for parents on drug trends, warning signs and how to have difficult conversations with teenagers.",
                    eligibility: "Parents and carers of teenagers.",
                    applicationProcess: "Phone to book a place.",
                    sessions: ["WE 19:00-21:00"],
                    terms: ["health-wellbeing.addiction", "children-families.parenting"]
                ),
                SampleService(
                    name: "Gaming and Gambling Support",
                    description: "Support for young people whose gaming, betting or online gambling is getting out of control.",
                    eligibility: "Young people aged 14 to 25.",
                    applicationProcess: "Self-referral by phone or drop-in.",
                    minimumAge: 14,
                    maximumAge: 25,
                    sessions: ["TH 16:00-19:00"],
                    terms: ["health-wellbeing.addiction", "children-families.youth"]
                ),
            ]
        ),
        SampleOrganization(
            name: "Heartbeat Health Checks Collective",
            description: "Community health volunteers and nurses offering free heart health checks, stop-smoking support and healthy-weight groups.",
            street: "Unit 9, Town Centre Plaza, Main Street",
            neighbourhood: "Ballymun Town Centre",
            services: [
                SampleService(
                    name: "Free Heart Health Checks",
                    description: "A 20-minute check of blood pressure, cholesterol and blood sugar, with advice on next steps.",
                    eligibility: "Adults aged 40 and over.",
                    applicationProcess: "Drop in, or phone to book a time.",
                    minimumAge: 40,
                    languages: ["en", "pt"],
                    sessions: ["MO,WE 10:00-13:00"],
                    terms: ["health-wellbeing.primary-care"]
                ),
                SampleService(
                    name: "Stop Smoking Support",
                    description: "Six weeks of group support and free nicotine replacement with a trained stop-smoking advisor.",
                    eligibility: "Adults who smoke or vape and want to quit.",
                    applicationProcess: "Phone to book a place; you can also drop in to the first session.",
                    minimumAge: 18,
                    languages: ["en", "pl", "ro"],
                    sessions: ["TU 18:00-19:30", "SA 10:00-11:30"],
                    terms: ["health-wellbeing.primary-care", "health-wellbeing.addiction"]
                ),
                SampleService(
                    name: "Weight Wise Group",
                    description: "A supportive weekly group with weigh-ins, simple recipes and gentle exercise ideas.",
                    eligibility: "Adults who want to reach a healthier weight.",
                    applicationProcess: "Drop in.",
                    minimumAge: 18,
                    cost: "€3 per week",
                    sessions: ["TH 18:30-19:30"],
                    terms: ["health-wellbeing.primary-care", "recreation-sport.fitness"]
                ),
            ]
        ),
        SampleOrganization(
            name: "Balbutcher Men's Talk",
            description: "A men's health and wellbeing group that gets men talking about their health, their worries and their lives.",
            street: "Unit 4, 14 Balbutcher Drive",
            neighbourhood: "Balbutcher",
            services: [
                SampleService(
                    name: "Men's Talk Circle",
                    description: "A weekly evening circle for men to talk openly over tea, with an experienced facilitator and no pressure to share.",
                    eligibility: "Men aged 18 and over.",
                    applicationProcess: "Drop in.",
                    minimumAge: 18,
                    sessions: ["MO 19:00-21:00"],
                    terms: ["health-wellbeing.mental-health"]
                ),
                SampleService(
                    name: "Men's Health MOT Days",
                    description: "Free health checks for men, including blood pressure, BMI and bowel screening information, with a nurse.",
                    eligibility: "Men aged 30 and over.",
                    applicationProcess: "Drop in on the day.",
                    minimumAge: 30,
                    sessions: ["SA 10:00-13:00"],
                    terms: ["health-wellbeing.primary-care"]
                ),
            ]
        ),
        SampleOrganization(
            name: "Lanternlight Palliative Support",
            description: "Volunteer companionship and family support for people living with a life-limiting illness, and bereavement support afterwards.",
            street: "6 Coultry Drive",
            neighbourhood: "Coultry",
            services: [
                SampleService(
                    name: "Companionship Visits",
                    description: "Trained volunteers visit people at home for company, a chat, a walk or help with small errands.",
                    eligibility: "Adults living with a life-limiting illness, and their families.",
                    applicationProcess: "Referral from a palliative care team, GP or public health nurse.",
                    sessions: ["MO,TU,WE,TH,FR 10:00-17:00"],
                    terms: ["health-wellbeing.older-people", "health-wellbeing.carers"]
                ),
                SampleService(
                    name: "Bereavement Support Group",
                    description: "A fortnightly evening group for adults grieving the death of someone close.",
                    eligibility: "Adults aged 18 and over who have been bereaved.",
                    applicationProcess: "Phone to speak with the group facilitator.",
                    minimumAge: 18,
                    sessions: ["TH 19:00-20:30"],
                    terms: ["health-wellbeing.mental-health"]
                ),
            ]
        ),
        SampleOrganization(
            name: "Poppintree Travellers' Health Link",
            description: "Community health workers from the Traveller community supporting families with screening, appointments and health information.",
            street: "Bay 2, 33 Poppintree Park Lane",
            neighbourhood: "Poppintree",
            services: [
                SampleService(
                    name: "Health Worker Home Visits",
                    description: "Traveller community health workers visit families at home to share health information and help arrange appointments.",
                    eligibility: "Traveller families living in the Ballymun area.",
                    applicationProcess: "Phone or speak to a health worker at a halting site visit.",
                    sessions: ["MO,TU,WE,TH 09:30-16:00"],
                    terms: ["health-wellbeing.primary-care", "children-families.family-support"]
                ),
                SampleService(
                    name: "Traveller Women's Wellbeing Group",
                    description: "A weekly group with crafts, relaxation and talks on mental health and family wellbeing.",
                    eligibility: "Traveller women of all ages.",
                    applicationProcess: "Drop in.",
                    sessions: ["WE 11:00-13:00"],
                    terms: ["health-wellbeing.mental-health"]
                ),
            ]
        ),
        SampleOrganization(
            name: "Open Door Sexual Health Clinic",
            description: "A friendly, non-judgemental sexual health clinic offering testing, contraception and information.",
            street: "Unit 2, 60 Santry Avenue",
            neighbourhood: "Santry Cross",
            services: [
                SampleService(
                    name: "STI Testing Clinic",
                    description: "Free, confidential testing and treatment for sexually transmitted infections, with results by text.",
                    eligibility: "Anyone aged 17 and over.",
                    applicationProcess: "Phone to book; a few walk-in slots are kept each session.",
                    minimumAge: 17,
                    languages: ["en", "pt", "ro", "fr"],
                    sessions: ["TU 16:00-19:30", "SA 10:00-13:00"],
                    terms: ["health-wellbeing.primary-care"]
                ),
                SampleService(
                    name: "Contraception Advice Drop-in",
                    description: "Free condoms, advice on contraception options and referral for free contraception for people aged 17 to 35.",
                    eligibility: "Anyone aged 16 and over.",
                    applicationProcess: "Drop in.",
                    minimumAge: 16,
                    languages: ["en", "pt", "ro"],
                    sessions: ["MO,WE,FR 12:00-16:00"],
                    terms: ["health-wellbeing.primary-care"]
                ),
                SampleService(
                    name: "PrEP Information Sessions",
                    description: "Information sessions on PrEP and HIV prevention, with help to access the national PrEP programme.",
                    eligibility: "Adults aged 18 and over.",
                    applicationProcess: "Drop in, or phone to book a one-to-one chat.",
                    minimumAge: 18,
                    sessions: ["TH 18:00-19:30"],
                    terms: ["health-wellbeing.primary-care"]
                ),
            ]
        ),
        SampleOrganization(
            name: "Autism Together Sillogue",
            description: "A parent-led support group for autistic children, teens and their families.",
            street: "5 Sillogue Green",
            neighbourhood: "Sillogue",
            services: [
                SampleService(
                    name: "Autism Parents' Support Group",
                    description: "A monthly evening group with guest speakers on school supports, sensory needs and assessments.",
                    eligibility: "Parents and carers of autistic children, with or without a diagnosis.",
                    applicationProcess: "Drop in.",
                    languages: ["en", "ar"],
                    sessions: ["TU 19:30-21:00"],
                    terms: ["health-wellbeing.disability", "children-families.parenting"]
                ),
                SampleService(
                    name: "Teen Social Club",
                    description: "A relaxed Saturday club for autistic teenagers with gaming, Lego and outings, at their own pace.",
                    eligibility: "Autistic young people aged 12 to 17.",
                    applicationProcess: "A parent phones to register and arrange a visit.",
                    minimumAge: 12,
                    maximumAge: 17,
                    cost: "€5 per session",
                    sessions: ["SA 11:00-12:30"],
                    terms: ["health-wellbeing.disability", "children-families.youth"]
                ),
            ]
        ),
        SampleOrganization(
            name: "Breathing Space Wellbeing Centre",
            description: "A calm community space offering gentle exercise, mindfulness and complementary therapies at low cost.",
            street: "Top Floor, 5 Main Street",
            neighbourhood: "Ballymun Town Centre",
            services: [
                SampleService(
                    name: "Chair Yoga",
                    description: "Gentle seated yoga for flexibility, balance and relaxation. Suitable for people with limited mobility.",
                    eligibility: "Adults of all abilities; especially suited to people aged 55 and over.",
                    applicationProcess: "Drop in.",
                    cost: "€4 per class",
                    sessions: ["MO 11:00-12:00"],
                    terms: ["health-wellbeing.older-people", "recreation-sport.active-ageing"]
                ),
                SampleService(
                    name: "Mindfulness for Beginners",
                    description: "An eight-week course introducing simple mindfulness practices to manage stress and improve sleep.",
                    eligibility: "Adults aged 18 and over.",
                    applicationProcess: "Phone to book a place.",
                    minimumAge: 18,
                    cost: "€5 per class",
                    sessions: ["WE 19:30-21:00"],
                    terms: ["health-wellbeing.mental-health"]
                ),
                SampleService(
                    name: "Complementary Therapies in Recovery",
                    description: "Free reflexology, acupuncture and massage for people in addiction recovery, to ease stress and cravings.",
                    eligibility: "Adults in addiction recovery.",
                    applicationProcess: "Referral from a key worker or addiction service.",
                    minimumAge: 18,
                    sessions: ["TH 13:00-16:30"],
                    terms: ["health-wellbeing.addiction", "health-wellbeing.mental-health"]
                ),
                SampleService(
                    name: "Suicide Bereavement Support Group",
                    description: "A monthly group for people bereaved by suicide, run by trained facilitators who have also been bereaved.",
                    eligibility: "Adults bereaved by suicide.",
                    applicationProcess: "Phone for a confidential chat before attending.",
                    minimumAge: 18,
                    sessions: ["TU 19:00-20:30"],
                    terms: ["health-wellbeing.mental-health"]
                ),
            ]
        ),
        SampleOrganization(
            name: "Crossroads Community Addiction Team",
            description: "Community-based addiction treatment for adults, with evening programmes for people who work and a stabilisation group.",
            street: "Unit 8, 2 Balcurris Road",
            neighbourhood: "Balcurris",
            services: [
                SampleService(
                    name: "Evening Cocaine Support Programme",
                    description: "A twelve-week evening group programme for people who want to stop or cut down cocaine use while keeping their job.",
                    eligibility: "Adults aged 18 and over.",
                    applicationProcess: "Self-referral by phone for an assessment.",
                    minimumAge: 18,
                    sessions: ["TU,TH 18:00-20:00"],
                    terms: ["health-wellbeing.addiction"]
                ),
                SampleService(
                    name: "Alcohol Brief Intervention Clinic",
                    description: "A short, confidential conversation about your drinking with practical tips to cut down, and referral if you need more.",
                    eligibility: "Adults aged 18 and over.",
                    applicationProcess: "Drop in.",
                    minimumAge: 18,
                    languages: ["en", "pl"],
                    sessions: ["MO 10:00-13:00"],
                    terms: ["health-wellbeing.addiction"]
                ),
                SampleService(
                    name: "Stabilisation Group",
                    description: "A structured morning group for people on opioid substitution treatment, combining education, peer support and a healthy breakfast.",
                    eligibility: "Adults on a methadone or buprenorphine programme.",
                    applicationProcess: "Referral from a key worker, GP or treatment clinic.",
                    minimumAge: 18,
                    languages: ["en", "ga"],
                    sessions: ["MO,WE,FR 10:00-12:30"],
                    terms: ["health-wellbeing.addiction"]
                ),
            ]
        ),
        SampleOrganization(
            name: "Kindred Befrienders",
            description: "Friendly volunteer visits and phone calls for older people who live alone or feel isolated.",
            street: "17 Shangan Gardens",
            neighbourhood: "Shangan",
            services: [
                SampleService(
                    name: "Befriending Visits",
                    description: "A Garda-vetted volunteer visits once a week for a chat, a cup of tea or a walk to the shops.",
                    eligibility: "People aged 65 and over who live alone or feel lonely.",
                    applicationProcess: "Self-referral or referral by a family member, GP or public health nurse.",
                    minimumAge: 65,
                    languages: ["en", "ga"],
                    sessions: ["MO,TU,WE,TH,FR 10:00-16:00"],
                    terms: ["health-wellbeing.older-people"]
                ),
                SampleService(
                    name: "Telephone Friendship Calls",
                    description: "A regular friendly phone call from a volunteer, in English or Irish, to check in and have a chat.",
                    eligibility: "People aged 65 and over.",
                    applicationProcess: "Phone to sign up.",
                    minimumAge: 65,
                    languages: ["en", "ga"],
                    sessions: ["MO,TU,WE,TH,FR 09:30-12:00", "SA 10:00-12:00"],
                    terms: ["health-wellbeing.older-people"]
                ),
                SampleService(
                    name: "Falls Prevention Workshops",
                    description: "A four-week workshop with a physiotherapist on strength, balance and making your home safer.",
                    eligibility: "People aged 65 and over.",
                    applicationProcess: "Phone to book a place.",
                    minimumAge: 65,
                    sessions: ["TH 11:00-12:30"],
                    terms: ["health-wellbeing.older-people", "recreation-sport.active-ageing"]
                ),
            ]
        ),
    ]

    private static let educationTraining: [SampleOrganization] = [
        SampleOrganization(
            name: "Northwood Steps Learning Network",
            description: "A community education network running adult literacy, numeracy and return-to-learning courses in small, friendly groups.",
            street: "Unit 2, 19 Main Street",
            neighbourhood: "Ballymun Town Centre",
            services: [
                SampleService(
                    name: "Adult Literacy One-to-One",
                    description: "Confidential one-to-one tuition in reading, writing and spelling at your own pace, with a trained tutor.",
                    eligibility: "Adults aged 18 and over who want to improve their reading and writing.",
                    applicationProcess: "Phone or drop in for an informal chat with the literacy organiser.",
                    minimumAge: 18,
                    sessions: ["MO,TU,WE,TH 10:00-13:00", "TU,WE 18:30-20:30"],
                    terms: ["education-training.adult-literacy"]
                ),
                SampleService(
                    name: "Return to Learning Course",
                    description: "A gentle ten-week course for adults who have been out of education for a while, building confidence, study skills and IT basics.",
                    eligibility: "Adults aged 18 and over with no or few formal qualifications.",
                    applicationProcess: "Phone to book a place; crèche places are available.",
                    minimumAge: 18,
                    sessions: ["TU,TH 10:00-12:30"],
                    terms: ["education-training.further-education", "education-training.adult-literacy"]
                ),
                SampleService(
                    name: "Maths for Everyday Life",
                    description: "Practical numeracy for budgeting, bills, measuring and helping children with homework.",
                    eligibility: "Adults aged 18 and over.",
                    applicationProcess: "Drop in to the first class or phone to book.",
                    minimumAge: 18,
                    sessions: ["WE 10:00-12:00"],
                    terms: ["education-training.adult-literacy"]
                ),
            ]
        ),
        SampleOrganization(
            name: "Welcome Words ESOL Project",
            description: "Free English classes for speakers of other languages, from complete beginner to upper-intermediate, with a crèche.",
            street: "Room 6, 42 Santry Avenue",
            neighbourhood: "Santry Cross",
            services: [
                SampleService(
                    name: "Beginner English (ESOL)",
                    description: "English for everyday life: shopping, the doctor, school and transport, for people who are just starting out.",
                    eligibility: "Adults aged 18 and over whose first language is not English.",
                    applicationProcess: "Come to an assessment morning on the first Monday of each month.",
                    minimumAge: 18,
                    languages: ["en", "ar", "pt", "uk", "ro"],
                    sessions: ["MO,WE 10:00-12:00"],
                    terms: ["education-training.language"]
                ),
                SampleService(
                    name: "Intermediate English Conversation",
                    description: "Evening conversation classes to build fluency and confidence, with topics chosen by the group.",
                    eligibility: "Adults aged 18 and over with some English.",
                    applicationProcess: "Come to an assessment morning, or phone to arrange a short placement test.",
                    minimumAge: 18,
                    languages: ["en", "ar", "uk"],
                    sessions: ["TU,TH 18:30-20:30"],
                    terms: ["education-training.language"]
                ),
                SampleService(
                    name: "English for Work",
                    description: "English for job interviews, workplace conversations, emails and safety signs, with mock interviews.",
                    eligibility: "Adults aged 18 and over with intermediate English who are looking for work.",
                    applicationProcess: "Phone to book a place.",
                    minimumAge: 18,
                    languages: ["en", "pt", "ro"],
                    sessions: ["FR 10:00-12:30"],
                    terms: ["education-training.language", "education-training.employment"]
                ),
                SampleService(
                    name: "ESOL with Crèche for Parents",
                    description: "A relaxed English class for parents of young children, with a free crèche next door.",
                    eligibility: "Parents of children under 5 whose first language is not English.",
                    applicationProcess: "Phone to book; crèche places are limited.",
                    minimumAge: 18,
                    languages: ["en", "so", "ar"],
                    sessions: ["TH 10:00-12:00"],
                    terms: ["education-training.language", "children-families.parenting"]
                ),
            ]
        ),
        SampleOrganization(
            name: "Coultry Career Corner",
            description: "A friendly job-seeking service with one-to-one help on CVs, applications and interviews, plus computers and phones for job hunting.",
            street: "Unit 7, 25 Coultry Road",
            neighbourhood: "Coultry",
            services: [
                SampleService(
                    name: "CV and Job Seeking Clinic",
                    description: "A careers advisor helps you write or update your CV and cover letter, and search and apply for jobs online.",
                    eligibility: "Job seekers aged 16 and over.",
                    applicationProcess: "Drop in; bring any old CV or job ads you are interested in.",
                    minimumAge: 16,
                    languages: ["en", "pl", "ro"],
                    sessions: ["MO,WE 10:00-13:00"],
                    terms: ["education-training.employment"]
                ),
                SampleService(
                    name: "Interview Practice",
                    description: "Mock interviews with local employers and volunteers, with honest, encouraging feedback.",
                    eligibility: "Job seekers aged 16 and over with an upcoming interview.",
                    applicationProcess: "Phone to book a 40-minute slot.",
                    minimumAge: 16,
                    sessions: ["TH 14:00-16:30"],
                    terms: ["education-training.employment"]
                ),
                SampleService(
                    name: "Weekly Job Club",
                    description: "A weekly group with fresh job listings, free phone and computer use and peer support from other job seekers.",
                    eligibility: "Anyone looking for work.",
                    applicationProcess: "Drop in.",
                    languages: ["en", "pl", "pt"],
                    sessions: ["TU 10:00-12:30"],
                    terms: ["education-training.employment"]
                ),
            ]
        ),
        SampleOrganization(
            name: "Second Wind Community Employment Scheme",
            description: "A community employment scheme offering paid part-time work placements and accredited training in local community services.",
            street: "Balbutcher Enterprise Yard, 8 Balbutcher Lane",
            neighbourhood: "Balbutcher",
            services: [
                SampleService(
                    name: "Community Employment Placements",
                    description: "Part-time paid placements in crèches, community centres, gardens and caretaking, with a training and development plan.",
                    eligibility: "People aged 21 and over getting a qualifying social welfare payment for a year or more.",
                    applicationProcess: "Referral from your Intreo case officer, or apply directly to the scheme supervisor.",
                    minimumAge: 21,
                    languages: ["en", "pl"],
                    sessions: ["MO,TU,WE,TH,FR 09:30-13:30"],
                    terms: ["education-training.employment"]
                ),
                SampleService(
                    name: "Recovery Placements",
                    description: "Community employment places for people in addiction recovery, with extra support from a key worker.",
                    eligibility: "Adults aged 18 and over in addiction recovery and stable on or off treatment.",
                    applicationProcess: "Referral from an addiction key worker or treatment service.",
                    minimumAge: 18,
                    sessions: ["MO,TU,WE,TH,FR 10:00-14:00"],
                    terms: ["education-training.employment", "health-wellbeing.addiction"]
                ),
                SampleService(
                    name: "Accredited Training for Participants",
                    description: "QQI-accredited modules in healthcare support, childcare, horticulture and health and safety.",
                    eligibility: "Current scheme participants.",
                    applicationProcess: "Agree a training plan with your supervisor.",
                    minimumAge: 18,
                    sessions: ["WE 14:00-17:00"],
                    terms: ["education-training.further-education"]
                ),
            ]
        ),
        SampleOrganization(
            name: "Balcurris Digital Den",
            description: "A community computer room offering classes for beginners, smartphone help, coding clubs and online safety advice.",
            street: "Unit 3, 30 Balcurris Road",
            neighbourhood: "Balcurris",
            services: [
                SampleService(
                    name: "Getting Started with Computers",
                    description: "A patient, step-by-step course on using a computer, email, the internet and online forms.",
                    eligibility: "Adults aged 18 and over with little or no computer experience.",
                    applicationProcess: "Phone to book a place.",
                    minimumAge: 18,
                    languages: ["en", "uk"],
                    sessions: ["MO 10:00-12:00"],
                    terms: ["education-training.digital-skills"]
                ),
                SampleService(
                    name: "Smartphone Help for Older People",
                    description: "One-to-one help setting up a smartphone, video calls with family, photos and online banking.",
                    eligibility: "People aged 60 and over.",
                    applicationProcess: "Drop in with your phone or tablet.",
                    minimumAge: 60,
                    languages: ["en", "ga"],
                    sessions: ["WE 14:00-15:30"],
                    terms: ["education-training.digital-skills", "health-wellbeing.older-people"]
                ),
                SampleService(
                    name: "Code Club for Kids",
                    description: "Children learn to make games, animations and websites with Scratch and Python, led by volunteer coders.",
                    eligibility: "Children aged 9 to 13.",
                    applicationProcess: "A parent or guardian phones to book a place.",
                    minimumAge: 9,
                    maximumAge: 13,
                    sessions: ["SA 11:00-12:30"],
                    terms: ["education-training.digital-skills", "children-families.after-school"]
                ),
                SampleService(
                    name: "Online Safety and Scam Awareness",
                    description: "A short workshop on spotting scam texts, fake websites and phone fraud, and keeping passwords safe.",
                    eligibility: "Adults of all ages.",
                    applicationProcess: "Drop in.",
                    sessions: ["TH 11:00-12:30"],
                    terms: ["education-training.digital-skills", "community-safety.victim-support"]
                ),
            ]
        ),
        SampleOrganization(
            name: "Sillogue Study Hub",
            description: "A quiet, supervised study space with subject grinds and exam support for Junior and Leaving Cert students.",
            street: "Upper Floor, 66 Sillogue Road",
            neighbourhood: "Sillogue",
            services: [
                SampleService(
                    name: "Leaving Cert Grinds",
                    description: "Small-group grinds in maths, English, Irish, biology and business, taught by qualified secondary teachers.",
                    eligibility: "Fifth- and sixth-year students.",
                    applicationProcess: "Phone to book; each subject runs in eight-week blocks.",
                    minimumAge: 15,
                    maximumAge: 19,
                    cost: "€5 per class",
                    languages: ["en", "ga"],
                    sessions: ["MO,WE 18:00-20:00", "SA 10:00-13:00"],
                    terms: ["education-training.exam-support"]
                ),
                SampleService(
                    name: "Junior Cycle Study Club",
                    description: "Homework help and study skills for first- to third-year students, with healthy snacks.",
                    eligibility: "Students aged 12 to 15.",
                    applicationProcess: "Register in person with a parent or guardian.",
                    minimumAge: 12,
                    maximumAge: 15,
                    sessions: ["TU,TH 16:00-18:00"],
                    terms: ["education-training.exam-support", "children-families.after-school"]
                ),
                SampleService(
                    name: "Supervised Study Evenings",
                    description: "A quiet, supervised study room with Wi-Fi, printing and past papers for students preparing for state exams.",
                    eligibility: "Students aged 15 to 19.",
                    applicationProcess: "Drop in; sign in at reception.",
                    minimumAge: 15,
                    maximumAge: 19,
                    sessions: ["MO,TU,WE,TH 17:30-21:00"],
                    terms: ["education-training.exam-support"]
                ),
            ]
        ),
        SampleOrganization(
            name: "Poppintree Adult Learners' Forum",
            description: "A learner-led group offering peer support, study skills and a voice for adults returning to education.",
            street: "20 Poppintree Park Lane",
            neighbourhood: "Poppintree",
            services: [
                SampleService(
                    name: "Learners' Forum Meet-ups",
                    description: "Monthly evening meet-ups where adult learners share tips, plan events and give feedback to local education providers.",
                    eligibility: "Adults currently in, or thinking about, education or training.",
                    applicationProcess: "Drop in.",
                    minimumAge: 18,
                    sessions: ["TH 19:00-20:30"],
                    terms: ["education-training.further-education"]
                ),
                SampleService(
                    name: "Study Skills for Adults",
                    description: "A short course on note-taking, essay writing, exam nerves and managing study with family life.",
                    eligibility: "Adults aged 18 and over.",
                    applicationProcess: "Phone to book a place.",
                    minimumAge: 18,
                    cost: "€20 per term",
                    sessions: ["MO 18:30-20:30"],
                    terms: ["education-training.further-education", "education-training.exam-support"]
                ),
            ]
        ),
        SampleOrganization(
            name: "Meadowline Further Education Outreach",
            description: "Outreach further education centre offering QQI courses from Level 3 to Level 5, with guidance and flexible hours.",
            street: "Level 2, 31 Main Street",
            neighbourhood: "Ballymun Town Centre",
            services: [
                SampleService(
                    name: "QQI Level 3 Employability Course",
                    description: "A part-time course in communications, maths, IT and work experience, leading to a QQI Level 3 award.",
                    eligibility: "Adults aged 18 and over.",
                    applicationProcess: "Phone to arrange an information and guidance meeting.",
                    minimumAge: 18,
                    sessions: ["MO,TU,WE,TH 09:30-13:30"],
                    terms: ["education-training.further-education", "education-training.employment"]
                ),
                SampleService(
                    name: "QQI Level 5 Early Learning and Care",
                    description: "An evening course for people who want to work in childcare, with a work placement in a local crèche.",
                    eligibility: "Adults aged 18 and over with a Leaving Cert or Level 4 award, or relevant experience.",
                    applicationProcess: "Apply online or in person; an interview follows.",
                    minimumAge: 18,
                    cost: "€100 per year; waived for medical card holders",
                    sessions: ["TU,TH 18:30-21:30"],
                    terms: ["education-training.further-education", "children-families.early-years"]
                ),
                SampleService(
                    name: "Course Guidance Appointments",
                    description: "A guidance counsellor helps you choose a course, check grants and plan a route into work or college.",
                    eligibility: "Adults aged 18 and over.",
                    applicationProcess: "Phone to book an appointment.",
                    minimumAge: 18,
                    languages: ["en", "pt", "ro"],
                    sessions: ["WE 10:00-16:00"],
                    terms: ["education-training.further-education"]
                ),
            ]
        ),
        SampleOrganization(
            name: "Bridge to College Access Programme",
            description: "Supports young people and adults from Ballymun into third-level education with application help, grants advice and campus visits.",
            street: "14 Shangan Road",
            neighbourhood: "Shangan",
            services: [
                SampleService(
                    name: "CAO and Grant Application Clinic",
                    description: "Step-by-step help with CAO applications, student grant forms and access route applications.",
                    eligibility: "Young people and adults aged 16 to 30 applying to college.",
                    applicationProcess: "Drop in, or phone to book a one-to-one slot.",
                    minimumAge: 16,
                    maximumAge: 30,
                    sessions: ["TU 16:00-19:00"],
                    terms: ["education-training.further-education"]
                ),
                SampleService(
                    name: "College Mentoring",
                    description: "Fortnightly sessions with a student mentor from a local university to talk about courses, college life and study.",
                    eligibility: "Fifth- and sixth-year students from local schools.",
                    applicationProcess: "Apply through your school guidance counsellor or phone the programme.",
                    minimumAge: 16,
                    maximumAge: 19,
                    sessions: ["TH 16:30-18:00"],
                    terms: ["education-training.further-education", "education-training.exam-support"]
                ),
                SampleService(
                    name: "Campus Taster Days",
                    description: "Saturday visits to university and college campuses with lectures, labs and lunch with current students.",
                    eligibility: "Students aged 15 to 19 and their parents.",
                    applicationProcess: "Phone to book a place on the bus.",
                    minimumAge: 15,
                    maximumAge: 19,
                    sessions: ["SA 10:00-15:00"],
                    terms: ["education-training.further-education"]
                ),
            ]
        ),
        SampleOrganization(
            name: "Coultry Women's Learning Group",
            description: "Community education for women: personal development, accredited crafts and confidence courses, with a crèche.",
            street: "31 Coultry Drive",
            neighbourhood: "Coultry",
            services: [
                SampleService(
                    name: "Women's Personal Development Course",
                    description: "A ten-week course on confidence, communication and goal-setting, in a supportive women-only group.",
                    eligibility: "Women aged 18 and over.",
                    applicationProcess: "Phone or drop in to register; crèche places are available.",
                    minimumAge: 18,
                    languages: ["en", "ar"],
                    sessions: ["WE 10:00-12:30"],
                    terms: ["education-training.further-education", "health-wellbeing.mental-health"]
                ),
                SampleService(
                    name: "Accredited Crafts (QQI Level 3)",
                    description: "Learn textile crafts, card-making and mosaics while working towards a QQI Level 3 certificate.",
                    eligibility: "Women aged 18 and over.",
                    applicationProcess: "Phone to book a place.",
                    minimumAge: 18,
                    sessions: ["MO 10:00-12:30"],
                    terms: ["education-training.further-education", "art-culture.visual-arts"]
                ),
                SampleService(
                    name: "Confident Speaking Workshop",
                    description: "A short, practical workshop on speaking up at meetings, interviews and school events.",
                    eligibility: "Women aged 18 and over.",
                    applicationProcess: "Drop in.",
                    minimumAge: 18,
                    sessions: ["FR 10:00-12:00"],
                    terms: ["education-training.further-education"]
                ),
            ]
        ),
        SampleOrganization(
            name: "Balbutcher Skills for Work Centre",
            description: "Short practical courses leading to recognised certificates for jobs in construction, warehousing and security.",
            street: "Unit 11, 5 Balbutcher Lane",
            neighbourhood: "Balbutcher",
            services: [
                SampleService(
                    name: "Construction Safety Card Course",
                    description: "A one-day construction site safety course leading to the card needed to work on Irish building sites.",
                    eligibility: "Adults aged 16 and over.",
                    applicationProcess: "Phone to book; bring photo ID and your PPS number.",
                    minimumAge: 16,
                    cost: "€30 per course",
                    sessions: ["SA 08:30-16:30"],
                    terms: ["education-training.employment"]
                ),
                SampleService(
                    name: "Manual Handling Certificate",
                    description: "A half-day course on safe lifting and handling, required by most warehouse and care employers.",
                    eligibility: "Adults aged 16 and over.",
                    applicationProcess: "Phone to book a place.",
                    minimumAge: 16,
                    cost: "€20 per course",
                    sessions: ["WE 09:00-13:00"],
                    terms: ["education-training.employment"]
                ),
                SampleService(
                    name: "Security Licence Preparation",
                    description: "An evening course that prepares you for the security guarding award and licence application.",
                    eligibility: "Adults aged 18 and over.",
                    applicationProcess: "Phone to book; a short interview is required.",
                    minimumAge: 18,
                    languages: ["en", "ro", "pl"],
                    sessions: ["MO,TU 18:00-21:00"],
                    terms: ["education-training.employment", "education-training.further-education"]
                ),
            ]
        ),
        SampleOrganization(
            name: "Fresh Start Early School Leavers Programme",
            description: "A full-time second-chance education programme for young people who have left school early, with a training allowance.",
            street: "12 Santry Avenue",
            neighbourhood: "Santry Cross",
            services: [
                SampleService(
                    name: "Full-Time Second-Chance Programme",
                    description: "A full-time course with Junior and Leaving Cert Applied options, work experience, cooking and sport.",
                    eligibility: "Young people aged 16 to 20 who have left school without a Leaving Cert.",
                    applicationProcess: "Phone or drop in to meet a staff member and see the centre.",
                    minimumAge: 16,
                    maximumAge: 20,
                    sessions: ["MO,TU,WE,TH,FR 09:30-15:00"],
                    terms: ["education-training.further-education", "education-training.exam-support"]
                ),
                SampleService(
                    name: "Guidance Drop-in for Early School Leavers",
                    description: "Informal advice for young people who are out of school or thinking of leaving, and their parents.",
                    eligibility: "Young people aged 15 to 21.",
                    applicationProcess: "Drop in.",
                    minimumAge: 15,
                    maximumAge: 21,
                    languages: ["en", "pt"],
                    sessions: ["TH 14:00-17:00"],
                    terms: ["education-training.further-education", "children-families.youth"]
                ),
            ]
        ),
        SampleOrganization(
            name: "Readwell Literacy Volunteers",
            description: "Trained volunteers helping adults with reading and writing, plus easy-read book clubs and dyslexia support.",
            street: "Poppintree Community Room, 12 Poppintree Park Lane",
            neighbourhood: "Poppintree",
            services: [
                SampleService(
                    name: "Paired Reading for Adults",
                    description: "Weekly one-to-one reading sessions with the same volunteer, using materials you choose.",
                    eligibility: "Adults aged 18 and over.",
                    applicationProcess: "Phone for a confidential chat.",
                    minimumAge: 18,
                    sessions: ["TU 18:00-20:00"],
                    terms: ["education-training.adult-literacy"]
                ),
                SampleService(
                    name: "Easy-Read Book Club",
                    description: "A relaxed book club using short, easy-read novels, with tea and no pressure to read aloud.",
                    eligibility: "Adults who are building their reading confidence.",
                    applicationProcess: "Drop in.",
                    minimumAge: 18,
                    sessions: ["FR 11:00-12:30"],
                    terms: ["education-training.adult-literacy", "art-culture.library"]
                ),
                SampleService(
                    name: "Dyslexia Support Clinic",
                    description: "Advice, screening information and assistive technology tips for teenagers and adults with dyslexia.",
                    eligibility: "People aged 16 and over who have, or think they may have, dyslexia.",
                    applicationProcess: "Phone to book a 45-minute appointment.",
                    minimumAge: 16,
                    sessions: ["SA 10:00-12:00"],
                    terms: ["education-training.adult-literacy", "health-wellbeing.disability"]
                ),
            ]
        ),
        SampleOrganization(
            name: "Start Small Enterprise Hub",
            description: "Helps local people turn ideas into small businesses and social enterprises, with courses, advice and affordable desks.",
            street: "Unit 10, 77 Shangan Road",
            neighbourhood: "Shangan",
            services: [
                SampleService(
                    name: "Start Your Own Business Course",
                    description: "An eight-week evening course covering business ideas, costings, marketing, tax and registering a business.",
                    eligibility: "Adults aged 18 and over.",
                    applicationProcess: "Phone to book a place.",
                    minimumAge: 18,
                    cost: "€25 per course",
                    languages: ["en", "pt"],
                    sessions: ["TU,TH 18:30-20:30"],
                    terms: ["education-training.employment"]
                ),
                SampleService(
                    name: "Business Advice Clinic",
                    description: "Free one-to-one advice from a business mentor on plans, funding and supports for the self-employed.",
                    eligibility: "Local people starting or running a small business.",
                    applicationProcess: "Phone to book a one-hour appointment.",
                    minimumAge: 18,
                    sessions: ["WE 10:00-13:00"],
                    terms: ["education-training.employment"]
                ),
                SampleService(
                    name: "Co-working Desks",
                    description: "Affordable hot desks with Wi-Fi, printing and a meeting room for new local businesses.",
                    eligibility: "Local start-ups and sole traders.",
                    applicationProcess: "Call in for a tour and a trial day.",
                    minimumAge: 18,
                    cost: "€40 per month",
                    sessions: ["MO,TU,WE,TH,FR 08:30-18:00"],
                    terms: ["education-training.employment", "place-making.community-spaces"]
                ),
            ]
        ),
        SampleOrganization(
            name: "Lingua Language Exchange",
            description: "Informal language exchange evenings where long-standing residents and newcomers swap languages over tea.",
            street: "Community Room, 19 Balcurris Gardens",
            neighbourhood: "Balcurris",
            services: [
                SampleService(
                    name: "Language Exchange Evenings",
                    description: "Tables for English, Polish, Portuguese, Arabic, Ukrainian, French and Mandarin, with people swapping every half hour.",
                    eligibility: "Anyone aged 16 and over who wants to practise a language.",
                    applicationProcess: "Drop in.",
                    minimumAge: 16,
                    languages: ["en", "pl", "pt", "ar", "uk", "fr", "zh"],
                    sessions: ["WE 19:00-21:00"],
                    terms: ["education-training.language"]
                ),
                SampleService(
                    name: "French for Beginners",
                    description: "A friendly ten-week beginners' French course for travel and fun.",
                    eligibility: "Adults aged 16 and over.",
                    applicationProcess: "Phone to book a place.",
                    minimumAge: 16,
                    cost: "€40 per term",
                    languages: ["en", "fr"],
                    sessions: ["MO 19:00-20:30"],
                    terms: ["education-training.language"]
                ),
                SampleService(
                    name: "Mandarin for Beginners",
                    description: "Learn everyday Mandarin phrases, tones and characters with a native-speaker tutor.",
                    eligibility: "Adults aged 16 and over.",
                    applicationProcess: "Phone to book a place.",
                    minimumAge: 16,
                    cost: "€40 per term",
                    languages: ["en", "zh"],
                    sessions: ["TH 19:00-20:30"],
                    terms: ["education-training.language"]
                ),
            ]
        ),
        SampleOrganization(
            name: "Sillogue Apprenticeship Pathways",
            description: "Helps young people find and prepare for apprenticeships in trades, IT, hospitality and finance.",
            street: "Unit 1, 80 Sillogue Road",
            neighbourhood: "Sillogue",
            services: [
                SampleService(
                    name: "Pre-Apprenticeship Taster Course",
                    description: "A six-week taster of electrical, plumbing, carpentry and IT apprenticeships, with maths refreshers and site visits.",
                    eligibility: "Young people aged 16 to 24.",
                    applicationProcess: "Phone or drop in to register interest.",
                    minimumAge: 16,
                    maximumAge: 24,
                    sessions: ["MO,TU,WE 09:30-14:30"],
                    terms: ["education-training.employment", "education-training.further-education"]
                ),
                SampleService(
                    name: "Apprenticeship Advice Drop-in",
                    description: "Advice on finding an employer, applying for apprenticeships and what each trade involves.",
                    eligibility: "Young people aged 16 and over, and their parents.",
                    applicationProcess: "Drop in.",
                    minimumAge: 16,
                    sessions: ["TH 15:00-18:00"],
                    terms: ["education-training.employment"]
                ),
            ]
        ),
        SampleOrganization(
            name: "Clear Sums Money Skills",
            description: "Practical money management courses and one-to-one budgeting support for individuals and families.",
            street: "9 Poppintree Park Lane",
            neighbourhood: "Poppintree",
            services: [
                SampleService(
                    name: "Budgeting Course",
                    description: "A four-week course on budgeting, bills, saving and avoiding moneylenders, with simple tools to take home.",
                    eligibility: "Adults aged 18 and over.",
                    applicationProcess: "Phone or drop in to book a place.",
                    minimumAge: 18,
                    languages: ["en", "pl"],
                    sessions: ["TU 10:00-12:00"],
                    terms: ["education-training.adult-literacy", "children-families.family-support"]
                ),
                SampleService(
                    name: "One-to-One Budgeting Appointments",
                    description: "A money skills worker helps you draw up a household budget and plan how to deal with arrears.",
                    eligibility: "Adults aged 18 and over living in Ballymun.",
                    applicationProcess: "Phone to book an appointment.",
                    minimumAge: 18,
                    languages: ["en", "ro"],
                    sessions: ["MO,TH 09:30-16:00"],
                    terms: ["education-training.adult-literacy"]
                ),
            ]
        ),
        SampleOrganization(
            name: "Santry Cross Tech Skills Bootcamp",
            description: "Free evening bootcamps in IT support, web basics and data skills, with links to local employers.",
            street: "Unit 4, 70 Santry Avenue",
            neighbourhood: "Santry Cross",
            services: [
                SampleService(
                    name: "IT Support Bootcamp",
                    description: "A twelve-week evening bootcamp covering hardware, networks and help-desk skills, preparing you for an entry-level IT job.",
                    eligibility: "Adults aged 18 and over with basic computer skills.",
                    applicationProcess: "Apply in person or by phone; a short aptitude chat follows.",
                    minimumAge: 18,
                    sessions: ["MO,WE 18:00-21:00"],
                    terms: ["education-training.digital-skills", "education-training.employment"]
                ),
                SampleService(
                    name: "Web Design Basics",
                    description: "Build your first website with HTML and CSS in four Saturday sessions.",
                    eligibility: "Anyone aged 16 and over.",
                    applicationProcess: "Phone to book a place.",
                    minimumAge: 16,
                    sessions: ["SA 10:00-13:00"],
                    terms: ["education-training.digital-skills"]
                ),
                SampleService(
                    name: "Employer Meet-ups",
                    description: "Monthly evening events where local tech and logistics employers talk about jobs and what they look for.",
                    eligibility: "Bootcamp participants and local job seekers.",
                    applicationProcess: "Drop in.",
                    minimumAge: 18,
                    sessions: ["TH 18:30-20:00"],
                    terms: ["education-training.employment"]
                ),
            ]
        ),
        SampleOrganization(
            name: "Upskill Evening College",
            description: "Affordable evening classes for adults in a local school building, from accounting and first aid to Leaving Cert subjects.",
            street: "Block B, 40 Main Street",
            neighbourhood: "Ballymun Town Centre",
            services: [
                SampleService(
                    name: "Evening Night Classes",
                    description: "Ten-week night classes in bookkeeping, photography, cookery, Spanish and more, starting each September and January.",
                    eligibility: "Adults aged 18 and over.",
                    applicationProcess: "Enrol in person on enrolment nights or by phone.",
                    minimumAge: 18,
                    cost: "€60 per 10-week course",
                    languages: ["en", "ga"],
                    sessions: ["MO,TU,WE,TH 19:00-21:00"],
                    terms: ["education-training.further-education"]
                ),
                SampleService(
                    name: "Leaving Cert for Adults",
                    description: "Study one or two Leaving Cert subjects over a year in a supportive adult class.",
                    eligibility: "Adults aged 18 and over.",
                    applicationProcess: "Enrol in person in September.",
                    minimumAge: 18,
                    cost: "€50 per year",
                    sessions: ["TU,TH 18:30-21:30"],
                    terms: ["education-training.exam-support", "education-training.further-education"]
                ),
                SampleService(
                    name: "Occupational First Aid",
                    description: "A recognised one-day occupational first aid course for workplaces and community groups.",
                    eligibility: "Adults aged 16 and over.",
                    applicationProcess: "Phone to book a place.",
                    minimumAge: 16,
                    cost: "€80 per course",
                    sessions: ["SA 09:00-17:00"],
                    terms: ["education-training.employment", "health-wellbeing.primary-care"]
                ),
            ]
        ),
    ]

    private static let artCulture: [SampleOrganization] = [
        SampleOrganization(
            name: "Shangan Art Studios",
            description: "Affordable studio spaces for local artists and open classes for complete beginners in a converted shop unit.",
            street: "Unit 6, 47 Shangan Road",
            neighbourhood: "Shangan",
            services: [
                SampleService(
                    name: "Beginners' Painting",
                    description: "Learn to paint with acrylics and watercolours in a relaxed class; all materials are provided.",
                    eligibility: "Adults aged 16 and over; no experience needed.",
                    applicationProcess: "Drop in, or phone to reserve an easel.",
                    minimumAge: 16,
                    cost: "€5 per class",
                    sessions: ["TU 19:00-21:00"],
                    terms: ["art-culture.visual-arts"]
                ),
                SampleService(
                    name: "Kids' Art Club",
                    description: "Saturday art club exploring drawing, printmaking, collage and clay, with an exhibition each summer.",
                    eligibility: "Children aged 6 to 12.",
                    applicationProcess: "A parent or guardian phones to book a place.",
                    minimumAge: 6,
                    maximumAge: 12,
                    cost: "€3 per class",
                    sessions: ["SA 10:00-11:30"],
                    terms: ["art-culture.visual-arts", "children-families.after-school"]
                ),
                SampleService(
                    name: "Open Studio Afternoons",
                    description: "The studios open to the public for visits, artist talks and a chance to try printmaking.",
                    eligibility: "Everyone is welcome.",
                    applicationProcess: "Drop in.",
                    sessions: ["WE 12:00-17:00"],
                    terms: ["art-culture.visual-arts", "place-making.community-spaces"]
                ),
            ]
        ),
        SampleOrganization(
            name: "Poppintree Community Choir",
            description: "A friendly, no-audition community choir singing pop, gospel and Irish songs, with concerts at Christmas and in summer.",
            street: "Poppintree Hall, 3 Poppintree Park Lane",
            neighbourhood: "Poppintree",
            services: [
                SampleService(
                    name: "Weekly Choir Rehearsal",
                    description: "Learn songs by ear in four-part harmony with a professional choir leader. No need to read music.",
                    eligibility: "Anyone aged 16 and over who loves singing.",
                    applicationProcess: "Drop in to any rehearsal.",
                    minimumAge: 16,
                    cost: "€20 per term",
                    languages: ["en", "ga"],
                    sessions: ["MO 19:30-21:30"],
                    terms: ["art-culture.music"]
                ),
                SampleService(
                    name: "Singing for Lung Health",
                    description: "A gentle singing group that helps people with COPD and other breathing conditions improve breath control.",
                    eligibility: "Adults living with a lung condition.",
                    applicationProcess: "Drop in, or ask your GP or physiotherapist about referral.",
                    minimumAge: 18,
                    sessions: ["TH 11:00-12:00"],
                    terms: ["art-culture.music", "health-wellbeing.older-people"]
                ),
            ]
        ),
        SampleOrganization(
            name: "Balcurris Youth Theatre",
            description: "A youth theatre where young people write, devise and perform their own shows with professional theatre-makers.",
            street: "Studio 2, 11 Balcurris Road",
            neighbourhood: "Balcurris",
            services: [
                SampleService(
                    name: "Junior Drama",
                    description: "Drama games, improvisation and short plays that build confidence and friendships.",
                    eligibility: "Children aged 8 to 12.",
                    applicationProcess: "A parent or guardian phones to book a place.",
                    minimumAge: 8,
                    maximumAge: 12,
                    cost: "€2 per session",
                    sessions: ["SA 11:00-12:30"],
                    terms: ["art-culture.drama", "children-families.youth"]
                ),
                SampleService(
                    name: "Youth Theatre Ensemble",
                    description: "Devise and perform new work, learn stagecraft and take part in national youth theatre festivals.",
                    eligibility: "Young people aged 13 to 20.",
                    applicationProcess: "Come to a free open workshop at the start of each term.",
                    minimumAge: 13,
                    maximumAge: 20,
                    sessions: ["TU,TH 18:30-20:30"],
                    terms: ["art-culture.drama", "children-families.youth"]
                ),
                SampleService(
                    name: "Backstage Crew Club",
                    description: "Learn lighting, sound, set building and stage management on real productions.",
                    eligibility: "Young people aged 14 to 20.",
                    applicationProcess: "Phone to sign up.",
                    minimumAge: 14,
                    maximumAge: 20,
                    sessions: ["WE 18:00-20:00"],
                    terms: ["art-culture.drama", "education-training.further-education"]
                ),
            ]
        ),
        SampleOrganization(
            name: "Tower Stories Heritage Group",
            description: "Volunteers collecting and sharing memories of the flats, the towers and the regeneration of Ballymun.",
            street: "Room 3, 25 Main Street",
            neighbourhood: "Ballymun Town Centre",
            services: [
                SampleService(
                    name: "Heritage Walks",
                    description: "Guided walks about the seven towers, the regeneration and the farms and big houses that came before.",
                    eligibility: "Everyone is welcome; walks are about 3 km on level ground.",
                    applicationProcess: "Meet at the Main Street entrance; booking not needed.",
                    languages: ["en", "ga"],
                    sessions: ["SU 11:00-13:00"],
                    terms: ["art-culture.heritage", "recreation-sport.walking"]
                ),
                SampleService(
                    name: "Oral History Recording Sessions",
                    description: "Share your memories of growing up or living in Ballymun; recordings are kept in a community archive.",
                    eligibility: "Current and former residents of any age.",
                    applicationProcess: "Phone to book a recording time.",
                    languages: ["en", "ga", "pl"],
                    sessions: ["WE 14:00-16:00"],
                    terms: ["art-culture.heritage"]
                ),
                SampleService(
                    name: "Local History Talks",
                    description: "Monthly evening talks by local historians and residents, with old photographs and films.",
                    eligibility: "Everyone is welcome.",
                    applicationProcess: "Drop in.",
                    languages: ["en", "ga"],
                    sessions: ["TH 19:30-21:00"],
                    terms: ["art-culture.heritage"]
                ),
            ]
        ),
        SampleOrganization(
            name: "Coultry Reading Room",
            description: "A volunteer-run reading room with books, newspapers, free Wi-Fi and regular reading events.",
            street: "40 Coultry Road",
            neighbourhood: "Coultry",
            services: [
                SampleService(
                    name: "Storytime for Toddlers",
                    description: "Stories, songs and rhymes for toddlers, followed by time to browse picture books.",
                    eligibility: "Children aged 0 to 5 with a parent or carer.",
                    applicationProcess: "Drop in.",
                    minimumAge: 0,
                    maximumAge: 5,
                    languages: ["en", "ga", "pl"],
                    sessions: ["WE 10:30-11:15"],
                    terms: ["art-culture.library", "children-families.early-years"]
                ),
                SampleService(
                    name: "Adult Book Club",
                    description: "A monthly book club reading Irish and international fiction; books are supplied.",
                    eligibility: "Adults aged 18 and over.",
                    applicationProcess: "Drop in, or phone to reserve a copy of the book.",
                    minimumAge: 18,
                    sessions: ["TH 19:00-20:30"],
                    terms: ["art-culture.library"]
                ),
                SampleService(
                    name: "Reading Room Opening Hours",
                    description: "Read, study or borrow books in a quiet room with free Wi-Fi, newspapers and a printer.",
                    eligibility: "Everyone is welcome; borrowing is free with proof of address.",
                    applicationProcess: "Drop in during opening hours.",
                    sessions: ["MO,TU,WE,TH 10:00-17:00", "SA 10:00-13:00"],
                    terms: ["art-culture.library", "place-making.community-spaces"]
                ),
            ]
        ),
        SampleOrganization(
            name: "Craic agus Comhrá Irish Circle",
            description: "An Irish-language group for all levels, from the cúpla focal to fluent speakers, with classes and social events.",
            street: "Community Room, 2 Sillogue Green",
            neighbourhood: "Sillogue",
            services: [
                SampleService(
                    name: "Ciorcal Comhrá (Conversation Circle)",
                    description: "A relaxed weekly conversation circle in Irish, with tables for improvers and fluent speakers.",
                    eligibility: "Anyone with some Irish.",
                    applicationProcess: "Drop in.",
                    languages: ["en", "ga"],
                    sessions: ["TU 19:30-21:00"],
                    terms: ["art-culture.irish-language"]
                ),
                SampleService(
                    name: "Irish for Beginners",
                    description: "A ten-week beginners' course in spoken Irish for everyday situations.",
                    eligibility: "Adults aged 16 and over.",
                    applicationProcess: "Phone to book a place.",
                    minimumAge: 16,
                    cost: "€30 per term",
                    languages: ["en", "ga"],
                    sessions: ["WE 19:00-20:30"],
                    terms: ["art-culture.irish-language", "education-training.language"]
                ),
                SampleService(
                    name: "Gaeilge for Parents",
                    description: "Simple Irish phrases, songs and games to help parents support children in Irish-medium schools and at home.",
                    eligibility: "Parents and carers of young children.",
                    applicationProcess: "Drop in.",
                    languages: ["en", "ga"],
                    sessions: ["SA 10:30-12:00"],
                    terms: ["art-culture.irish-language", "children-families.parenting"]
                ),
            ]
        ),
        SampleOrganization(
            name: "Balbutcher Music Project",
            description: "Affordable music tuition, a rehearsal room and music production classes for young musicians.",
            street: "Unit 3, 20 Balbutcher Lane",
            neighbourhood: "Balbutcher",
            services: [
                SampleService(
                    name: "Guitar and Ukulele Lessons",
                    description: "Small-group lessons for beginners and improvers, with instruments available to borrow.",
                    eligibility: "Anyone aged 8 and over.",
                    applicationProcess: "Phone to book a place in a group.",
                    minimumAge: 8,
                    cost: "€5 per lesson",
                    sessions: ["MO,WE 16:00-20:00"],
                    terms: ["art-culture.music"]
                ),
                SampleService(
                    name: "Rehearsal Room for Bands",
                    description: "A soundproofed rehearsal room with drum kit, amps and PA, bookable by the hour.",
                    eligibility: "Musicians aged 14 and over; under-18s need a parent's consent form.",
                    applicationProcess: "Phone to book a slot.",
                    minimumAge: 14,
                    cost: "€10 per hour",
                    sessions: ["TU,TH,FR 17:00-22:00", "SA 12:00-18:00"],
                    terms: ["art-culture.music"]
                ),
                SampleService(
                    name: "Youth Music Production",
                    description: "Learn beat-making, recording and mixing on industry software, and release your own tracks.",
                    eligibility: "Young people aged 13 to 21.",
                    applicationProcess: "Drop in to meet the tutor.",
                    minimumAge: 13,
                    maximumAge: 21,
                    sessions: ["WE 18:00-20:00"],
                    terms: ["art-culture.music", "education-training.digital-skills"]
                ),
            ]
        ),
        SampleOrganization(
            name: "Santry Cross Trad Club",
            description: "Traditional Irish music classes, a weekly open session and set dancing for all ages.",
            street: "Function Room, 15 Santry Avenue",
            neighbourhood: "Santry Cross",
            services: [
                SampleService(
                    name: "Tin Whistle Classes",
                    description: "Learn tunes by ear on the tin whistle in a friendly Saturday class.",
                    eligibility: "Anyone aged 7 and over.",
                    applicationProcess: "Drop in; whistles are available to buy for €5.",
                    minimumAge: 7,
                    cost: "€4 per class",
                    languages: ["en", "ga"],
                    sessions: ["SA 10:00-11:00"],
                    terms: ["art-culture.music", "art-culture.irish-language"]
                ),
                SampleService(
                    name: "Open Trad Session",
                    description: "A weekly session where musicians of all levels play together; listeners welcome.",
                    eligibility: "Musicians and listeners of all ages; under-18s with an adult.",
                    applicationProcess: "Drop in with your instrument.",
                    languages: ["en", "ga"],
                    sessions: ["TH 20:00-22:30"],
                    terms: ["art-culture.music"]
                ),
                SampleService(
                    name: "Set Dancing for Beginners",
                    description: "Learn the Connemara and Clare sets in a fun, sociable class; no partner needed.",
                    eligibility: "Adults of all ages and fitness levels.",
                    applicationProcess: "Drop in.",
                    cost: "€5 per class",
                    sessions: ["TU 19:30-21:00"],
                    terms: ["art-culture.music", "recreation-sport.active-ageing"]
                ),
            ]
        ),
        SampleOrganization(
            name: "Poppintree Photography Club",
            description: "A camera club for all abilities, from phone snappers to keen amateurs, with workshops, walks and exhibitions.",
            street: "22 Poppintree Park Lane",
            neighbourhood: "Poppintree",
            services: [
                SampleService(
                    name: "Phone Photography Workshops",
                    description: "Learn to take great photos with your phone and edit them with free apps.",
                    eligibility: "Anyone aged 14 and over.",
                    applicationProcess: "Phone to book a place.",
                    minimumAge: 14,
                    sessions: ["WE 19:00-21:00"],
                    terms: ["art-culture.visual-arts", "education-training.digital-skills"]
                ),
                SampleService(
                    name: "Sunday Photo Walks",
                    description: "Monthly walks exploring Ballymun, the parks and the airport fringe with cameras.",
                    eligibility: "Everyone is welcome; under-16s with an adult.",
                    applicationProcess: "Meet at the club; no booking needed.",
                    sessions: ["SU 10:00-12:00"],
                    terms: ["art-culture.visual-arts", "recreation-sport.walking"]
                ),
            ]
        ),
        SampleOrganization(
            name: "Shangan Carnival Arts Collective",
            description: "Makes costumes, lanterns and giant puppets for local parades and festivals, and teaches street performance skills.",
            street: "Unit 9, 47 Shangan Road",
            neighbourhood: "Shangan",
            services: [
                SampleService(
                    name: "Lantern and Costume Making Workshops",
                    description: "Build lanterns, masks and costumes for the autumn lantern parade and summer festival.",
                    eligibility: "Everyone is welcome; children under 12 with an adult.",
                    applicationProcess: "Drop in.",
                    languages: ["en", "pt"],
                    sessions: ["SA 12:00-15:00"],
                    terms: ["art-culture.visual-arts", "place-making.community-spaces"]
                ),
                SampleService(
                    name: "Samba Drumming Band",
                    description: "Join a community samba band that plays at parades, festivals and football matches. Drums provided.",
                    eligibility: "Anyone aged 12 and over.",
                    applicationProcess: "Drop in to any rehearsal.",
                    minimumAge: 12,
                    languages: ["en", "pt"],
                    sessions: ["TH 18:30-20:00"],
                    terms: ["art-culture.music"]
                ),
                SampleService(
                    name: "Stilt Walking and Circus Skills",
                    description: "Learn stilt walking, juggling and hula-hoop with circus tutors, working towards parade performances.",
                    eligibility: "Young people aged 12 to 18.",
                    applicationProcess: "Phone to book a place.",
                    minimumAge: 12,
                    maximumAge: 18,
                    sessions: ["WE 16:30-18:00"],
                    terms: ["art-culture.drama", "children-families.youth"]
                ),
            ]
        ),
        SampleOrganization(
            name: "Coultry Film Club",
            description: "Community cinema screenings of world and Irish films, with discussions and film-making workshops for young people.",
            street: "Coultry Community Rooms, 18 Coultry Road",
            neighbourhood: "Coultry",
            services: [
                SampleService(
                    name: "Community Cinema Night",
                    description: "Fortnightly screenings on a big screen, with popcorn and a short discussion afterwards.",
                    eligibility: "Adults and teenagers; films are rated for age.",
                    applicationProcess: "Drop in; pay at the door.",
                    cost: "€3 per film",
                    sessions: ["FR 19:00-22:00"],
                    terms: ["art-culture.drama", "place-making.community-spaces"]
                ),
                SampleService(
                    name: "Young Film-makers",
                    description: "Write, shoot and edit short films using phones and free editing software.",
                    eligibility: "Young people aged 13 to 19.",
                    applicationProcess: "Phone to book a place.",
                    minimumAge: 13,
                    maximumAge: 19,
                    sessions: ["SA 13:00-16:00"],
                    terms: ["art-culture.drama", "education-training.digital-skills"]
                ),
                SampleService(
                    name: "Silver Screen Matinee",
                    description: "Afternoon screenings of classic films with tea and biscuits.",
                    eligibility: "Older people and anyone who enjoys classic films.",
                    applicationProcess: "Drop in.",
                    sessions: ["TU 14:00-16:30"],
                    terms: ["art-culture.drama", "health-wellbeing.older-people"]
                ),
            ]
        ),
        SampleOrganization(
            name: "Balcurris Writers' Room",
            description: "A creative writing group and small community press publishing local voices in print and online.",
            street: "Community Room, 19 Balcurris Gardens",
            neighbourhood: "Balcurris",
            services: [
                SampleService(
                    name: "Creative Writing Workshop",
                    description: "Weekly prompts, feedback and encouragement for writers of fiction, poetry and memoir.",
                    eligibility: "Adults and young people aged 16 and over.",
                    applicationProcess: "Drop in.",
                    minimumAge: 16,
                    sessions: ["MO 19:00-21:00"],
                    terms: ["art-culture.library"]
                ),
                SampleService(
                    name: "Poetry Open Mic",
                    description: "A monthly open mic for poetry, spoken word and song, in a warm and supportive room.",
                    eligibility: "Everyone is welcome to read or listen.",
                    applicationProcess: "Sign up on the night.",
                    sessions: ["FR 19:30-22:00"],
                    terms: ["art-culture.drama", "art-culture.library"]
                ),
            ]
        ),
        SampleOrganization(
            name: "Sillogue Dance Academy",
            description: "Street dance, hip hop and contemporary classes for children and teens, plus dance fitness for adults.",
            street: "Unit 2, 80 Sillogue Road",
            neighbourhood: "Sillogue",
            services: [
                SampleService(
                    name: "Street Dance for Kids",
                    description: "Fun, high-energy street dance classes with end-of-term shows for families.",
                    eligibility: "Children aged 7 to 12.",
                    applicationProcess: "A parent or guardian phones to book a place.",
                    minimumAge: 7,
                    maximumAge: 12,
                    cost: "€4 per class",
                    sessions: ["TU 17:00-18:00"],
                    terms: ["art-culture.drama", "recreation-sport.fitness"]
                ),
                SampleService(
                    name: "Hip Hop Crew",
                    description: "Choreography, freestyle and battle skills for teenagers, with competitions and performances.",
                    eligibility: "Young people aged 13 to 18.",
                    applicationProcess: "Drop in to a taster class.",
                    minimumAge: 13,
                    maximumAge: 18,
                    cost: "€4 per class",
                    sessions: ["TH 18:00-19:30"],
                    terms: ["art-culture.drama", "children-families.youth"]
                ),
                SampleService(
                    name: "Adult Dance Fitness",
                    description: "A high-energy dance workout to chart hits; no dance experience needed.",
                    eligibility: "Adults aged 16 and over.",
                    applicationProcess: "Drop in.",
                    minimumAge: 16,
                    cost: "€5 per class",
                    sessions: ["MO 19:30-20:30"],
                    terms: ["recreation-sport.fitness", "art-culture.drama"]
                ),
            ]
        ),
        SampleOrganization(
            name: "Plaza Window Gallery",
            description: "A shopfront gallery showing work by local artists and schools, with free family art days.",
            street: "Unit 14, 2 Main Street",
            neighbourhood: "Ballymun Town Centre",
            services: [
                SampleService(
                    name: "Gallery Exhibitions",
                    description: "Changing exhibitions of painting, photography and craft by Ballymun artists; free to visit.",
                    eligibility: "Everyone is welcome.",
                    applicationProcess: "Drop in during opening hours.",
                    sessions: ["WE,TH,FR,SA 11:00-17:00"],
                    terms: ["art-culture.visual-arts"]
                ),
                SampleService(
                    name: "Family Art Days",
                    description: "Hands-on art activities linked to the current exhibition for children and their grown-ups.",
                    eligibility: "Children aged 3 to 12 with an adult.",
                    applicationProcess: "Drop in.",
                    minimumAge: 3,
                    maximumAge: 12,
                    languages: ["en", "ar"],
                    sessions: ["SA 11:00-13:00"],
                    terms: ["art-culture.visual-arts", "children-families.family-support"]
                ),
                SampleService(
                    name: "Artists' Portfolio Clinic",
                    description: "Advice for local artists on portfolios, funding applications and exhibiting their work.",
                    eligibility: "Artists and makers living in Dublin 9 or Dublin 11.",
                    applicationProcess: "Phone to book a 30-minute slot.",
                    minimumAge: 18,
                    sessions: ["TH 17:00-19:00"],
                    terms: ["art-culture.visual-arts", "education-training.employment"]
                ),
            ]
        ),
        SampleOrganization(
            name: "Balbutcher Knit and Natter",
            description: "A knitting, crochet and sewing circle that also makes blankets and hats for hospitals and baby banks.",
            street: "Balbutcher Community Hall, 10 Balbutcher Lane",
            neighbourhood: "Balbutcher",
            services: [
                SampleService(
                    name: "Knit and Natter Circle",
                    description: "Bring your knitting or learn from scratch; wool and needles are provided for beginners.",
                    eligibility: "Everyone is welcome.",
                    applicationProcess: "Drop in.",
                    languages: ["en", "ga"],
                    sessions: ["TU 13:30-15:30"],
                    terms: ["art-culture.visual-arts", "health-wellbeing.older-people"]
                ),
                SampleService(
                    name: "Sewing Machine Classes",
                    description: "Learn to use a sewing machine, take up hems and make simple cushions and bags.",
                    eligibility: "Adults aged 16 and over.",
                    applicationProcess: "Phone to book a place; machines are provided.",
                    minimumAge: 16,
                    cost: "€6 per class",
                    sessions: ["TH 19:00-21:00"],
                    terms: ["art-culture.visual-arts", "place-making.environment"]
                ),
            ]
        ),
        SampleOrganization(
            name: "Poppintree Multicultural Arts Forum",
            description: "Celebrates the many cultures living in Ballymun through music, dance, food and storytelling.",
            street: "Unit 1, 33 Poppintree Park Lane",
            neighbourhood: "Poppintree",
            services: [
                SampleService(
                    name: "African Drumming and Dance",
                    description: "Learn West African rhythms and dances with experienced Nigerian and Congolese tutors.",
                    eligibility: "Everyone aged 8 and over; under-12s with an adult.",
                    applicationProcess: "Drop in.",
                    minimumAge: 8,
                    languages: ["en", "yo", "fr"],
                    sessions: ["SA 14:00-16:00"],
                    terms: ["art-culture.music", "art-culture.heritage"]
                ),
                SampleService(
                    name: "World Food and Story Nights",
                    description: "Monthly evenings where families share a dish and a story from home.",
                    eligibility: "Everyone is welcome.",
                    applicationProcess: "Drop in; bring a dish if you can.",
                    languages: ["en", "ar", "pt", "so"],
                    sessions: ["FR 18:30-21:00"],
                    terms: ["art-culture.heritage", "children-families.family-support"]
                ),
                SampleService(
                    name: "Polish Folk Dance Group",
                    description: "A children's and adults' folk dance group performing at festivals around Dublin.",
                    eligibility: "Anyone aged 6 and over.",
                    applicationProcess: "Phone or drop in to a practice.",
                    minimumAge: 6,
                    languages: ["en", "pl"],
                    sessions: ["SU 12:00-14:00"],
                    terms: ["art-culture.heritage", "art-culture.drama"]
                ),
            ]
        ),
        SampleOrganization(
            name: "Santry Cross Pop-Up Library",
            description: "A community-run lending library and study space, with books in many languages.",
            street: "Unit 8, 36 Santry Avenue",
            neighbourhood: "Santry Cross",
            services: [
                SampleService(
                    name: "Lending Library",
                    description: "Borrow novels, children's books, graphic novels and audiobooks free of charge.",
                    eligibility: "Everyone is welcome; join with proof of address.",
                    applicationProcess: "Drop in during opening hours.",
                    languages: ["en", "uk", "ro", "pl", "ar"],
                    sessions: ["MO,WE,FR 10:00-16:00", "SA 10:00-13:00"],
                    terms: ["art-culture.library"]
                ),
                SampleService(
                    name: "After-School Homework Space",
                    description: "A quiet space with computers, printing and volunteer help with homework and projects.",
                    eligibility: "Young people aged 10 to 18.",
                    applicationProcess: "Drop in.",
                    minimumAge: 10,
                    maximumAge: 18,
                    sessions: ["MO,TU,WE,TH 15:30-18:30"],
                    terms: ["art-culture.library", "children-families.after-school"]
                ),
                SampleService(
                    name: "World Languages Reading Group",
                    description: "A reading group for people who want to read and chat about books in their first language as well as English.",
                    eligibility: "Adults who read in Ukrainian, Romanian or Polish.",
                    applicationProcess: "Drop in.",
                    minimumAge: 16,
                    languages: ["en", "uk", "ro", "pl"],
                    sessions: ["TU 18:00-19:30"],
                    terms: ["art-culture.library", "education-training.language"]
                ),
            ]
        ),
        SampleOrganization(
            name: "Seven Towers Archive Project",
            description: "A volunteer archive collecting photos, films and documents about Ballymun's past, open to the public.",
            street: "Archive Room, 12 Coultry Drive",
            neighbourhood: "Coultry",
            services: [
                SampleService(
                    name: "Archive Open Days",
                    description: "Browse photographs, newspapers and plans of Ballymun from the 1960s to today, with volunteers on hand.",
                    eligibility: "Everyone is welcome.",
                    applicationProcess: "Drop in.",
                    sessions: ["SA 11:00-15:00"],
                    terms: ["art-culture.heritage"]
                ),
                SampleService(
                    name: "Scan Your Photos Sessions",
                    description: "Bring old family photos of Ballymun; volunteers scan them for you and, with your permission, for the archive.",
                    eligibility: "Current and former residents.",
                    applicationProcess: "Phone to book a slot.",
                    sessions: ["WE 10:00-13:00"],
                    terms: ["art-culture.heritage", "education-training.digital-skills"]
                ),
            ]
        ),
        SampleOrganization(
            name: "Shangan Clay Studio",
            description: "A shared pottery studio with wheels and a kiln, offering evening classes, kids' clay club and wellbeing sessions.",
            street: "Unit 4, 63 Shangan Road",
            neighbourhood: "Shangan",
            services: [
                SampleService(
                    name: "Pottery Taster Evenings",
                    description: "Try hand-building and the potter's wheel; your pieces are glazed and fired for collection.",
                    eligibility: "Adults aged 16 and over.",
                    applicationProcess: "Phone to book a place.",
                    minimumAge: 16,
                    cost: "€15 per class",
                    sessions: ["TH 19:00-21:30"],
                    terms: ["art-culture.visual-arts"]
                ),
                SampleService(
                    name: "Clay Club for Kids",
                    description: "Children make pinch pots, tiles and creatures from clay.",
                    eligibility: "Children aged 7 to 12.",
                    applicationProcess: "A parent or guardian phones to book.",
                    minimumAge: 7,
                    maximumAge: 12,
                    cost: "€6 per class",
                    sessions: ["SA 10:00-11:30"],
                    terms: ["art-culture.visual-arts"]
                ),
                SampleService(
                    name: "Pottery for Wellbeing",
                    description: "A free small-group clay course for people recovering from mental ill-health.",
                    eligibility: "Adults referred by a mental health team, GP or peer support group.",
                    applicationProcess: "Referral from a GP, mental health team or peer support worker.",
                    minimumAge: 18,
                    sessions: ["TU 11:00-13:00"],
                    terms: ["art-culture.visual-arts", "health-wellbeing.mental-health"]
                ),
            ]
        ),
    ]

    private static let placeMaking: [SampleOrganization] = [
        SampleOrganization(
            name: "Poppintree Community Garden",
            description: "Raised beds, a polytunnel and a young forest garden where neighbours grow food, learn and relax together.",
            street: "Poppintree Park, 40 Poppintree Park Lane",
            neighbourhood: "Poppintree",
            services: [
                SampleService(
                    name: "Community Allotment Plots",
                    description: "Small raised-bed plots with shared tools, water and compost, and friendly advice from experienced growers.",
                    eligibility: "Residents of Dublin 9 and Dublin 11; one plot per household.",
                    applicationProcess: "Join the waiting list in person at a volunteering morning.",
                    cost: "€25 per year",
                    sessions: ["MO,TU,WE,TH,FR,SA,SU 08:00-20:00"],
                    terms: ["place-making.gardens"]
                ),
                SampleService(
                    name: "Garden Volunteering Mornings",
                    description: "Help with planting, weeding, harvesting and building, then share a cuppa and some of the produce.",
                    eligibility: "Everyone is welcome; under-16s with an adult.",
                    applicationProcess: "Drop in; wear old clothes.",
                    languages: ["en", "pl"],
                    sessions: ["WE,SA 10:00-13:00"],
                    terms: ["place-making.gardens", "health-wellbeing.mental-health"]
                ),
                SampleService(
                    name: "Grow Your Own Workshops",
                    description: "Seasonal workshops on sowing seeds, growing in small spaces and saving seeds.",
                    eligibility: "Everyone is welcome.",
                    applicationProcess: "Drop in.",
                    sessions: ["SA 13:30-15:00"],
                    terms: ["place-making.gardens", "place-making.environment"]
                ),
                SampleService(
                    name: "School Garden Visits",
                    description: "Local classes visit to plant, explore the bug hotel and taste what they have grown.",
                    eligibility: "Primary-school classes from Ballymun schools.",
                    applicationProcess: "Teachers phone to book a visit.",
                    minimumAge: 5,
                    maximumAge: 12,
                    sessions: ["TU,TH 10:00-12:00"],
                    terms: ["place-making.gardens", "children-families.after-school"]
                ),
            ]
        ),
        SampleOrganization(
            name: "Shangan Estate Clean-Up Crew",
            description: "Resident volunteers who tidy green spaces, report dumping and plant bulbs to keep Shangan looking its best.",
            street: "Tool Store, 19 Shangan Gardens",
            neighbourhood: "Shangan",
            services: [
                SampleService(
                    name: "Monthly Estate Clean-Up",
                    description: "A Saturday morning clean-up of greens, laneways and playgrounds, finishing with tea and sandwiches.",
                    eligibility: "Everyone is welcome; children with an adult.",
                    applicationProcess: "Turn up on the day; gloves and pickers are provided.",
                    sessions: ["SA 10:00-12:30"],
                    terms: ["place-making.environment", "place-making.residents"]
                ),
                SampleService(
                    name: "Litter Picker Loan Scheme",
                    description: "Borrow litter pickers, hoops, gloves and bags to organise a clean-up on your own road.",
                    eligibility: "Residents and community groups.",
                    applicationProcess: "Call in to the tool store to borrow equipment.",
                    sessions: ["MO,WE,FR 10:00-14:00"],
                    terms: ["place-making.environment"]
                ),
                SampleService(
                    name: "Dumping and Graffiti Reporting Help",
                    description: "Volunteers help residents report dumping, graffiti and broken bins to the council and follow up on repairs.",
                    eligibility: "Residents of Shangan and nearby estates.",
                    applicationProcess: "Drop in, or stop a volunteer at a clean-up.",
                    sessions: ["MO,WE,FR 10:00-14:00"],
                    terms: ["place-making.environment", "place-making.residents"]
                ),
            ]
        ),
        SampleOrganization(
            name: "Sillogue Tenants' Association",
            description: "Represents council tenants in Sillogue on repairs, estate management and regeneration, and welcomes new neighbours.",
            street: "Tenants' Room, 8 Sillogue Green",
            neighbourhood: "Sillogue",
            services: [
                SampleService(
                    name: "Tenants' Advice Clinic",
                    description: "Help with repairs requests, rent queries, transfers and anti-social behaviour complaints to the council.",
                    eligibility: "Council tenants in the Sillogue area.",
                    applicationProcess: "Drop in.",
                    languages: ["en", "ro"],
                    sessions: ["TU 18:30-20:00"],
                    terms: ["place-making.housing"]
                ),
                SampleService(
                    name: "Monthly Residents' Meeting",
                    description: "An open meeting where tenants hear from councillors and council officials and raise estate issues.",
                    eligibility: "All residents of Sillogue.",
                    applicationProcess: "Drop in.",
                    sessions: ["TH 19:30-21:00"],
                    terms: ["place-making.residents"]
                ),
                SampleService(
                    name: "New Tenants' Welcome Pack",
                    description: "A welcome visit and pack with bin days, local services, schools and who to call for repairs.",
                    eligibility: "New tenants in the Sillogue area.",
                    applicationProcess: "Phone or call in to arrange a visit.",
                    languages: ["en", "ar", "pl"],
                    sessions: ["TU 10:00-12:00"],
                    terms: ["place-making.housing", "place-making.residents"]
                ),
            ]
        ),
        SampleOrganization(
            name: "Coultry Tool Library",
            description: "A lending library for tools: borrow drills, ladders, garden tools and more instead of buying them.",
            street: "Unit 5, 25 Coultry Road",
            neighbourhood: "Coultry",
            services: [
                SampleService(
                    name: "Tool Lending",
                    description: "Borrow from over 300 tools for up to a week, with advice on using them safely.",
                    eligibility: "Residents aged 18 and over with proof of address.",
                    applicationProcess: "Join in person during opening hours.",
                    minimumAge: 18,
                    cost: "€10 per year membership",
                    languages: ["en", "pl"],
                    sessions: ["WE 17:00-19:30", "SA 10:00-13:00"],
                    terms: ["place-making.environment", "place-making.housing"]
                ),
                SampleService(
                    name: "Repair Café",
                    description: "Volunteer fixers help you repair lamps, toasters, bikes, clothes and toys, and show you how.",
                    eligibility: "Everyone is welcome.",
                    applicationProcess: "Drop in with your broken item.",
                    languages: ["en", "uk"],
                    sessions: ["SA 13:00-16:00"],
                    terms: ["place-making.environment"]
                ),
                SampleService(
                    name: "DIY Skills for Beginners",
                    description: "Learn to put up shelves, fix a dripping tap, paint a room and other basic home repairs.",
                    eligibility: "Adults aged 16 and over.",
                    applicationProcess: "Phone to book a place.",
                    minimumAge: 16,
                    cost: "€5 per class",
                    sessions: ["TU 19:00-21:00"],
                    terms: ["place-making.housing", "education-training.further-education"]
                ),
            ]
        ),
        SampleOrganization(
            name: "Balcurris Housing Advice Point",
            description: "Independent advice on housing lists, rent supports, tenancy rights and preventing homelessness.",
            street: "Unit 6, 2 Balcurris Road",
            neighbourhood: "Balcurris",
            services: [
                SampleService(
                    name: "Housing Advice Clinic",
                    description: "One-to-one advice on social housing applications, transfers, rent supports and problems with landlords.",
                    eligibility: "Anyone living in or moving to Dublin 9 or Dublin 11.",
                    applicationProcess: "Drop in, or phone to book an appointment.",
                    languages: ["en", "pt", "ro", "ar"],
                    sessions: ["MO,WE 10:00-15:00"],
                    terms: ["place-making.housing"]
                ),
                SampleService(
                    name: "Homeless Prevention Drop-in",
                    description: "Urgent help if you have a notice to quit, are sofa-surfing or at risk of losing your home.",
                    eligibility: "Anyone at risk of homelessness.",
                    applicationProcess: "Drop in; you will be seen the same day.",
                    languages: ["en", "ro", "pl", "ar"],
                    sessions: ["MO,TU,WE,TH,FR 09:30-12:30"],
                    terms: ["place-making.housing"]
                ),
                SampleService(
                    name: "Tenancy Sustainment Support",
                    description: "A support worker helps you settle into a new home, manage rent and bills and link in with local services.",
                    eligibility: "Tenants at risk of losing their tenancy, or newly housed after homelessness.",
                    applicationProcess: "Referral from a housing officer or social worker, or self-referral.",
                    languages: ["en", "pl", "ar"],
                    sessions: ["TU,TH 10:00-16:00"],
                    terms: ["place-making.housing", "children-families.family-support"]
                ),
            ]
        ),
        SampleOrganization(
            name: "Santry Cross Residents' Alliance",
            description: "Brings residents' groups together on planning, traffic and local amenities, and helps new groups get started.",
            street: "Meeting Room, 50 Santry Avenue",
            neighbourhood: "Santry Cross",
            services: [
                SampleService(
                    name: "Planning Watch Clinic",
                    description: "Helps residents understand planning applications and make observations to the council.",
                    eligibility: "Residents and community groups.",
                    applicationProcess: "Drop in.",
                    sessions: ["WE 18:30-20:00"],
                    terms: ["place-making.residents"]
                ),
                SampleService(
                    name: "Residents' Forum",
                    description: "A monthly forum where representatives from every estate share news and agree priorities.",
                    eligibility: "Residents' group representatives and interested residents.",
                    applicationProcess: "Drop in.",
                    sessions: ["MO 19:30-21:00"],
                    terms: ["place-making.residents", "community-safety.forums"]
                ),
                SampleService(
                    name: "Safe Routes Walkabouts",
                    description: "Residents, parents and council engineers walk school routes to identify dangerous crossings and missing footpaths.",
                    eligibility: "Everyone is welcome.",
                    applicationProcess: "Meet at the meeting room; no booking needed.",
                    sessions: ["SA 11:00-12:30"],
                    terms: ["place-making.residents", "community-safety.forums"]
                ),
            ]
        ),
        SampleOrganization(
            name: "Greenline Environmental Action",
            description: "Runs recycling, composting and home energy projects with households and schools across Ballymun.",
            street: "Unit 3, 10 Main Street",
            neighbourhood: "Ballymun Town Centre",
            services: [
                SampleService(
                    name: "Home Energy Advice Visits",
                    description: "A free home visit to help you cut energy bills, apply for insulation grants and use heating controls.",
                    eligibility: "Households in Dublin 9 and Dublin 11, especially older people and families on low incomes.",
                    applicationProcess: "Phone to book a free home visit.",
                    languages: ["en", "pl"],
                    sessions: ["MO,TU,WE,TH 10:00-16:00"],
                    terms: ["place-making.environment", "place-making.housing"]
                ),
                SampleService(
                    name: "Composting Workshops",
                    description: "Learn to compost food waste at home or in a flat, and take home a free compost caddy.",
                    eligibility: "Everyone is welcome.",
                    applicationProcess: "Drop in.",
                    sessions: ["SA 11:00-12:30"],
                    terms: ["place-making.environment", "place-making.gardens"]
                ),
                SampleService(
                    name: "Schools Eco Club",
                    description: "An after-school eco club doing litter audits, energy checks and wildlife projects.",
                    eligibility: "Children aged 8 to 12.",
                    applicationProcess: "Register through your school.",
                    minimumAge: 8,
                    maximumAge: 12,
                    sessions: ["WE 14:00-15:30"],
                    terms: ["place-making.environment", "children-families.after-school"]
                ),
            ]
        ),
        SampleOrganization(
            name: "Balbutcher Community Hall Committee",
            description: "A volunteer committee running the Balbutcher Community Hall as an affordable space for groups, classes and celebrations.",
            street: "10 Balbutcher Lane",
            neighbourhood: "Balbutcher",
            services: [
                SampleService(
                    name: "Room Hire for Community Groups",
                    description: "Book the main hall, a meeting room or the kitchen for classes, meetings, parties and events.",
                    eligibility: "Community groups, charities and local residents.",
                    applicationProcess: "Phone or call in to check availability and book.",
                    cost: "€15 per hour; free for registered community groups",
                    sessions: ["MO,TU,WE,TH,FR 09:00-22:00", "SA,SU 10:00-18:00"],
                    terms: ["place-making.community-spaces"]
                ),
                SampleService(
                    name: "Community Noticeboard and Information Point",
                    description: "Find out what is on locally, pick up leaflets and get help with forms from the hall caretaker.",
                    eligibility: "Everyone is welcome.",
                    applicationProcess: "Drop in.",
                    languages: ["en", "pl", "ro"],
                    sessions: ["MO,TU,WE,TH,FR 10:00-16:00"],
                    terms: ["place-making.community-spaces"]
                ),
                SampleService(
                    name: "Wednesday Bingo Night",
                    description: "A lively bingo night raising funds for the hall, with a raffle and tea.",
                    eligibility: "Adults aged 18 and over.",
                    applicationProcess: "Drop in.",
                    minimumAge: 18,
                    cost: "€5 per book",
                    sessions: ["WE 20:00-22:00"],
                    terms: ["place-making.community-spaces", "health-wellbeing.older-people"]
                ),
            ]
        ),
        SampleOrganization(
            name: "Sillogue Orchard Friends",
            description: "Cares for a community orchard of apple, pear and plum trees, with pruning days and an annual apple festival.",
            street: "Sillogue Park, 90 Sillogue Road",
            neighbourhood: "Sillogue",
            services: [
                SampleService(
                    name: "Orchard Care Days",
                    description: "Monthly mornings of pruning, mulching and planting, with training from a community gardener.",
                    eligibility: "Everyone is welcome; under-16s with an adult.",
                    applicationProcess: "Drop in.",
                    sessions: ["SU 10:00-12:30"],
                    terms: ["place-making.gardens"]
                ),
                SampleService(
                    name: "Apple Pressing Workshops",
                    description: "Press apples into juice with a traditional press and learn about old Irish apple varieties.",
                    eligibility: "Families and adults.",
                    applicationProcess: "Drop in.",
                    sessions: ["SA 12:00-15:00"],
                    terms: ["place-making.gardens", "art-culture.heritage"]
                ),
            ]
        ),
        SampleOrganization(
            name: "Town Centre Community Market",
            description: "A weekly market for local food growers, crafters and small businesses on the Main Street plaza.",
            street: "Market Square, 1 Main Street",
            neighbourhood: "Ballymun Town Centre",
            services: [
                SampleService(
                    name: "Saturday Community Market",
                    description: "Fresh produce, baking, crafts and street food from local traders, with live music on the plaza.",
                    eligibility: "Everyone is welcome.",
                    applicationProcess: "Drop in.",
                    sessions: ["SA 09:00-14:00"],
                    terms: ["place-making.community-spaces"]
                ),
                SampleService(
                    name: "Stall Starter Scheme",
                    description: "Low-cost stalls with a gazebo and table for first-time traders testing a business idea.",
                    eligibility: "Local residents starting a small business or hobby enterprise.",
                    applicationProcess: "Apply by phone or in person at the market.",
                    minimumAge: 18,
                    cost: "€10 per stall",
                    sessions: ["SA 09:00-14:00"],
                    terms: ["place-making.community-spaces", "education-training.employment"]
                ),
            ]
        ),
        SampleOrganization(
            name: "Coultry Mural Project",
            description: "Residents and artists co-design murals on gable walls, hoardings and underpasses to brighten up the area.",
            street: "Project Room, 9 Coultry Drive",
            neighbourhood: "Coultry",
            services: [
                SampleService(
                    name: "Mural Design Workshops",
                    description: "Residents share ideas and sketch designs for the next mural with a professional artist.",
                    eligibility: "Everyone is welcome.",
                    applicationProcess: "Drop in.",
                    sessions: ["TU 18:00-20:00"],
                    terms: ["place-making.community-spaces", "art-culture.visual-arts"]
                ),
                SampleService(
                    name: "Youth Street Art Programme",
                    description: "Young people learn spray-paint techniques on practice boards, then paint a legal wall.",
                    eligibility: "Young people aged 14 to 21.",
                    applicationProcess: "Phone to book a place; a parent's consent form is needed for under-18s.",
                    minimumAge: 14,
                    maximumAge: 21,
                    sessions: ["SA 12:00-15:00"],
                    terms: ["art-culture.visual-arts", "children-families.youth"]
                ),
            ]
        ),
        SampleOrganization(
            name: "Poppintree Park Residents' Group",
            description: "A residents' group working with the council on estate maintenance, play areas and community events.",
            street: "18 Poppintree Park Lane",
            neighbourhood: "Poppintree",
            services: [
                SampleService(
                    name: "Residents' Group Meeting",
                    description: "A monthly meeting to discuss estate issues, plan events and hear updates from the council.",
                    eligibility: "All residents of Poppintree.",
                    applicationProcess: "Drop in.",
                    sessions: ["TU 19:30-21:00"],
                    terms: ["place-making.residents"]
                ),
                SampleService(
                    name: "Estate Improvement Walkabouts",
                    description: "Residents walk the estate with council staff to log broken lights, potholes and overgrown areas.",
                    eligibility: "Residents of Poppintree.",
                    applicationProcess: "Meet at 18 Poppintree Park Lane.",
                    sessions: ["SA 10:30-12:00"],
                    terms: ["place-making.residents", "place-making.environment"]
                ),
                SampleService(
                    name: "Seasonal Community Events",
                    description: "Halloween, Christmas and summer fun days organised by volunteers, with help always welcome.",
                    eligibility: "Everyone is welcome.",
                    applicationProcess: "Drop in to a residents' meeting to get involved.",
                    sessions: ["SU 13:00-16:00"],
                    terms: ["place-making.community-spaces", "children-families.family-support"]
                ),
            ]
        ),
        SampleOrganization(
            name: "Second Life Upcycling Workshop",
            description: "Upcycles furniture and textiles, diverting waste from landfill and teaching repair and making skills.",
            street: "Unit 10, 30 Balcurris Road",
            neighbourhood: "Balcurris",
            services: [
                SampleService(
                    name: "Furniture Upcycling Course",
                    description: "A six-week course on sanding, painting and restoring old furniture; take home your finished piece.",
                    eligibility: "Adults aged 16 and over.",
                    applicationProcess: "Phone to book a place.",
                    minimumAge: 16,
                    cost: "€30 per course",
                    sessions: ["WE 18:30-21:00"],
                    terms: ["place-making.environment", "art-culture.visual-arts"]
                ),
                SampleService(
                    name: "Preloved Furniture Shop",
                    description: "Good-quality refurbished furniture and household goods at low prices, with free items for referred families.",
                    eligibility: "Everyone is welcome; free items for families referred by a support service.",
                    applicationProcess: "Drop in; referrals by phone from a support worker.",
                    cost: "Low prices; free items for referred families",
                    sessions: ["TH,FR,SA 10:00-16:00"],
                    terms: ["place-making.environment", "place-making.housing"]
                ),
                SampleService(
                    name: "Community Clothes Swap",
                    description: "Bring clean clothes you no longer wear and swap them for something new to you.",
                    eligibility: "Everyone is welcome.",
                    applicationProcess: "Drop in.",
                    sessions: ["SA 11:00-14:00"],
                    terms: ["place-making.environment"]
                ),
            ]
        ),
        SampleOrganization(
            name: "Santry Cross Cycle Hub",
            description: "A community bike workshop promoting everyday cycling, with repairs, lessons and low-cost recycled bikes.",
            street: "Unit 3, 36 Santry Avenue",
            neighbourhood: "Santry Cross",
            services: [
                SampleService(
                    name: "Dr Bike Repair Sessions",
                    description: "Free basic bike repairs and safety checks while you learn to fix punctures and adjust brakes.",
                    eligibility: "Everyone is welcome.",
                    applicationProcess: "Drop in with your bike.",
                    sessions: ["TH 16:00-19:00", "SA 10:00-13:00"],
                    terms: ["place-making.environment", "recreation-sport.fitness"]
                ),
                SampleService(
                    name: "Learn to Cycle for Adults",
                    description: "Patient, one-to-one cycling lessons in a quiet car park, with bikes and helmets provided.",
                    eligibility: "Adults aged 18 and over who never learned or want to get back on a bike.",
                    applicationProcess: "Phone to book a lesson.",
                    minimumAge: 18,
                    languages: ["en", "ar", "so"],
                    sessions: ["SU 10:00-12:00"],
                    terms: ["recreation-sport.fitness", "place-making.environment"]
                ),
                SampleService(
                    name: "Recycled Bikes for Sale",
                    description: "Donated bikes refurbished by trainees and sold at low prices, with a free lock and lights.",
                    eligibility: "Everyone; discounted bikes for people referred by a support service.",
                    applicationProcess: "Drop in.",
                    cost: "Bikes from €40",
                    sessions: ["SA 10:00-13:00"],
                    terms: ["place-making.environment"]
                ),
            ]
        ),
        SampleOrganization(
            name: "Shangan Neighbours Network",
            description: "Welcomes new residents and organises street parties, play streets and neighbour introductions.",
            street: "41 Shangan Avenue",
            neighbourhood: "Shangan",
            services: [
                SampleService(
                    name: "New Residents' Welcome Visits",
                    description: "A friendly neighbour visits new arrivals with local information and introductions to nearby groups.",
                    eligibility: "People who have recently moved to Ballymun.",
                    applicationProcess: "Phone to request a visit, or ask a neighbour to refer you.",
                    languages: ["en", "pl", "ro", "ar"],
                    sessions: ["MO,WE 11:00-15:00"],
                    terms: ["place-making.residents", "children-families.family-support"]
                ),
                SampleService(
                    name: "Play Street Days",
                    description: "A road is closed to traffic for an afternoon so children can play outside with neighbours.",
                    eligibility: "Families on participating roads.",
                    applicationProcess: "Residents phone to apply for a play street on their road.",
                    sessions: ["SU 13:00-17:00"],
                    terms: ["place-making.community-spaces", "children-families.family-support"]
                ),
                SampleService(
                    name: "Street Party Grants and Equipment",
                    description: "Small grants and loans of gazebos, tables and bunting for street parties and get-togethers.",
                    eligibility: "Residents' groups and neighbours organising a street event.",
                    applicationProcess: "Phone at least four weeks before your event.",
                    sessions: ["WE 18:00-19:30"],
                    terms: ["place-making.community-spaces", "place-making.residents"]
                ),
            ]
        ),
        SampleOrganization(
            name: "Balbutcher Allotments Society",
            description: "A residents' society managing allotments and accessible raised beds, with seed swaps and growing advice.",
            street: "Balbutcher Allotments, 30 Balbutcher Lane",
            neighbourhood: "Balbutcher",
            services: [
                SampleService(
                    name: "Half Allotment Plots",
                    description: "Half-size allotment plots with water, a shared shed and a composting area.",
                    eligibility: "Residents of Dublin 9 and Dublin 11.",
                    applicationProcess: "Add your name to the waiting list by phone.",
                    minimumAge: 18,
                    cost: "€40 per year",
                    sessions: ["MO,TU,WE,TH,FR,SA,SU 08:00-20:00"],
                    terms: ["place-making.gardens"]
                ),
                SampleService(
                    name: "Accessible Raised Beds",
                    description: "Waist-height beds and wheelchair-friendly paths for gardeners with limited mobility, with volunteer help.",
                    eligibility: "Gardeners with a disability or limited mobility.",
                    applicationProcess: "Phone to arrange a visit.",
                    sessions: ["TU,FR 10:00-13:00"],
                    terms: ["place-making.gardens", "health-wellbeing.disability"]
                ),
                SampleService(
                    name: "Seed Swap Sundays",
                    description: "Swap seeds, seedlings and cuttings with other growers and pick up tips.",
                    eligibility: "Everyone is welcome.",
                    applicationProcess: "Drop in.",
                    sessions: ["SU 12:00-14:00"],
                    terms: ["place-making.gardens"]
                ),
            ]
        ),
        SampleOrganization(
            name: "Sillogue Regeneration Forum",
            description: "Residents, agencies and the council meet to track regeneration projects and make sure local voices are heard.",
            street: "Room 1, 60 Sillogue Road",
            neighbourhood: "Sillogue",
            services: [
                SampleService(
                    name: "Public Regeneration Briefings",
                    description: "Quarterly public briefings on building projects, green spaces and facilities, with time for questions.",
                    eligibility: "Everyone is welcome.",
                    applicationProcess: "Drop in.",
                    sessions: ["TH 18:30-20:30"],
                    terms: ["place-making.residents", "place-making.housing"]
                ),
                SampleService(
                    name: "Community Consultation Drop-in",
                    description: "See plans and models of proposed developments and give your views in person.",
                    eligibility: "Everyone is welcome.",
                    applicationProcess: "Drop in.",
                    languages: ["en", "ga"],
                    sessions: ["TU 12:00-15:00"],
                    terms: ["place-making.residents"]
                ),
            ]
        ),
        SampleOrganization(
            name: "Coultry Pollinator Project",
            description: "Creates wildflower meadows and bee-friendly planting on open spaces, with nature walks and a junior beekeeping club.",
            street: "Pavilion, 52 Coultry Road",
            neighbourhood: "Coultry",
            services: [
                SampleService(
                    name: "Wildflower Planting Days",
                    description: "Sow native wildflowers and plant hedgerows on green spaces around Coultry.",
                    eligibility: "Everyone is welcome; under-16s with an adult.",
                    applicationProcess: "Drop in.",
                    sessions: ["SA 10:00-13:00"],
                    terms: ["place-making.environment", "place-making.gardens"]
                ),
                SampleService(
                    name: "Biodiversity Walks",
                    description: "Guided walks spotting bees, butterflies, birds and wildflowers in local parks.",
                    eligibility: "Everyone is welcome.",
                    applicationProcess: "Meet at the pavilion.",
                    sessions: ["SU 14:00-15:30"],
                    terms: ["place-making.environment", "recreation-sport.walking"]
                ),
                SampleService(
                    name: "Junior Beekeepers",
                    description: "Children learn about bees, visit the hives in protective suits and make beeswax candles.",
                    eligibility: "Children aged 8 to 14.",
                    applicationProcess: "A parent or guardian phones to book.",
                    minimumAge: 8,
                    maximumAge: 14,
                    cost: "€3 per session",
                    sessions: ["WE 16:00-17:30"],
                    terms: ["place-making.environment", "children-families.after-school"]
                ),
            ]
        ),
    ]

    private static let recreationSport: [SampleOrganization] = [
        SampleOrganization(
            name: "Coultry Corner Boxing Club",
            description: "A community boxing club with a proud record, welcoming beginners of all ages and focusing on fitness, discipline and respect.",
            street: "Unit 2, 60 Coultry Road",
            neighbourhood: "Coultry",
            services: [
                SampleService(
                    name: "Junior Boxing",
                    description: "Skills, fitness and fun for young boxers, with non-contact sessions until coaches and parents agree to sparring.",
                    eligibility: "Young people aged 10 to 15.",
                    applicationProcess: "A parent or guardian signs a consent form at the club.",
                    minimumAge: 10,
                    maximumAge: 15,
                    cost: "€3 per session",
                    sessions: ["MO,WE 17:00-18:30"],
                    terms: ["recreation-sport.boxing-martial-arts", "community-safety.youth-diversion"]
                ),
                SampleService(
                    name: "Senior Boxing",
                    description: "Training for competitive and recreational boxers, including conditioning, pad work and sparring.",
                    eligibility: "Anyone aged 16 and over.",
                    applicationProcess: "Drop in to any session to meet the coaches.",
                    minimumAge: 16,
                    cost: "€5 per session",
                    sessions: ["MO,WE,FR 19:00-21:00"],
                    terms: ["recreation-sport.boxing-martial-arts"]
                ),
                SampleService(
                    name: "Boxercise for Women",
                    description: "A non-contact boxing fitness class with pads, skipping and circuits.",
                    eligibility: "Women aged 16 and over of all fitness levels.",
                    applicationProcess: "Drop in.",
                    minimumAge: 16,
                    cost: "€4 per class",
                    sessions: ["TU 19:30-20:30"],
                    terms: ["recreation-sport.boxing-martial-arts", "recreation-sport.fitness"]
                ),
                SampleService(
                    name: "Girls' Boxing",
                    description: "A girls-only session building skills, fitness and confidence with a female coach.",
                    eligibility: "Girls aged 10 to 17.",
                    applicationProcess: "A parent or guardian signs a consent form at the club.",
                    minimumAge: 10,
                    maximumAge: 17,
                    sessions: ["SA 11:00-12:30"],
                    terms: ["recreation-sport.boxing-martial-arts", "children-families.youth"]
                ),
            ]
        ),
        SampleOrganization(
            name: "Poppintree Parkside FC",
            description: "A community football club with teams from under-7s to adults, including girls', women's and walking football.",
            street: "Clubhouse, 44 Poppintree Park Lane",
            neighbourhood: "Poppintree",
            services: [
                SampleService(
                    name: "Under-7s to Under-10s Football",
                    description: "Small-sided games and skills sessions where every child gets to play.",
                    eligibility: "Children aged 5 to 10.",
                    applicationProcess: "Come along to a Saturday session with a parent to register.",
                    minimumAge: 5,
                    maximumAge: 10,
                    cost: "€60 per season",
                    sessions: ["SA 10:00-11:30"],
                    terms: ["recreation-sport.team-sports"]
                ),
                SampleService(
                    name: "Under-11s to Under-16s Football",
                    description: "Training twice a week and league matches at weekends for boys' and girls' teams.",
                    eligibility: "Young people aged 11 to 16.",
                    applicationProcess: "Phone the club secretary to arrange a trial session.",
                    minimumAge: 11,
                    maximumAge: 16,
                    cost: "€80 per season",
                    sessions: ["TU,TH 18:00-19:30", "SA 12:00-14:00"],
                    terms: ["recreation-sport.team-sports", "children-families.youth"]
                ),
                SampleService(
                    name: "Walking Football for Over-50s",
                    description: "Football at walking pace with no tackling, great for fitness, fun and friendship.",
                    eligibility: "Adults aged 50 and over.",
                    applicationProcess: "Drop in.",
                    minimumAge: 50,
                    sessions: ["WE 11:00-12:00"],
                    terms: ["recreation-sport.team-sports", "recreation-sport.active-ageing"]
                ),
                SampleService(
                    name: "Women's Football",
                    description: "Relaxed training for beginners and returners, with friendly games against other clubs.",
                    eligibility: "Women aged 16 and over.",
                    applicationProcess: "Drop in.",
                    minimumAge: 16,
                    cost: "€5 per session",
                    languages: ["en", "pt"],
                    sessions: ["TH 20:00-21:30"],
                    terms: ["recreation-sport.team-sports"]
                ),
            ]
        ),
        SampleOrganization(
            name: "Sillogue Swifts Swimming Club",
            description: "A community swimming club offering lessons for children and adults, aqua fitness and women-only sessions.",
            street: "Poolside Office, 100 Sillogue Road",
            neighbourhood: "Sillogue",
            services: [
                SampleService(
                    name: "Learn to Swim for Kids",
                    description: "Small-group lessons from water confidence to stroke technique, with badges at each stage.",
                    eligibility: "Children aged 5 to 12.",
                    applicationProcess: "Phone to book a place in the next eight-week block.",
                    minimumAge: 5,
                    maximumAge: 12,
                    cost: "€40 per 8-week block",
                    languages: ["en", "pl"],
                    sessions: ["SA 09:00-11:00"],
                    terms: ["recreation-sport.swimming"]
                ),
                SampleService(
                    name: "Adult Learn to Swim",
                    description: "Patient lessons for adults who never learned or are nervous in water.",
                    eligibility: "Adults aged 18 and over.",
                    applicationProcess: "Phone to book a place.",
                    minimumAge: 18,
                    cost: "€50 per 8-week block",
                    languages: ["en", "ar", "pt"],
                    sessions: ["TU 20:00-21:00"],
                    terms: ["recreation-sport.swimming"]
                ),
                SampleService(
                    name: "Aqua Fit for Over-55s",
                    description: "Low-impact exercise in the water to music, easy on the joints.",
                    eligibility: "Adults aged 55 and over.",
                    applicationProcess: "Drop in.",
                    minimumAge: 55,
                    cost: "€4 per class",
                    sessions: ["MO,TH 11:00-12:00"],
                    terms: ["recreation-sport.swimming", "recreation-sport.active-ageing"]
                ),
                SampleService(
                    name: "Women-Only Swim",
                    description: "A private swim session with female lifeguards and covered windows.",
                    eligibility: "Women and girls; girls under 12 with an adult.",
                    applicationProcess: "Drop in.",
                    cost: "€3 per swim",
                    languages: ["en", "ar", "so"],
                    sessions: ["SU 18:00-19:30"],
                    terms: ["recreation-sport.swimming"]
                ),
            ]
        ),
        SampleOrganization(
            name: "Shangan Striders Walking Group",
            description: "A friendly walking group for all ages and abilities, from gentle strolls to Sunday hill walks.",
            street: "Meeting Point, 1 Shangan Road",
            neighbourhood: "Shangan",
            services: [
                SampleService(
                    name: "Tuesday Morning Walk",
                    description: "A gentle one-hour walk around local parks at a chatty pace, finishing with coffee.",
                    eligibility: "Everyone is welcome; suitable for beginners.",
                    applicationProcess: "Meet at the meeting point; no booking needed.",
                    sessions: ["TU 10:00-11:00"],
                    terms: ["recreation-sport.walking", "recreation-sport.active-ageing"]
                ),
                SampleService(
                    name: "Evening Power Walk",
                    description: "A brisk evening walk of about 6 km for people who want to build fitness.",
                    eligibility: "Adults of moderate fitness.",
                    applicationProcess: "Meet at the meeting point.",
                    minimumAge: 16,
                    sessions: ["TH 19:00-20:00"],
                    terms: ["recreation-sport.walking", "recreation-sport.fitness"]
                ),
                SampleService(
                    name: "Sunday Hill Walks",
                    description: "Monthly coach trips to the Dublin and Wicklow mountains, with walks graded easy to moderate.",
                    eligibility: "Adults with suitable boots and rain gear.",
                    applicationProcess: "Phone to book a seat on the bus.",
                    minimumAge: 16,
                    cost: "€10 per trip",
                    sessions: ["SU 09:00-15:00"],
                    terms: ["recreation-sport.walking"]
                ),
            ]
        ),
        SampleOrganization(
            name: "Balbutcher Golden Years Club",
            description: "A social and active club for older people, with exercise classes, tea dances and day trips.",
            street: "Balbutcher Community Hall, 10 Balbutcher Lane",
            neighbourhood: "Balbutcher",
            services: [
                SampleService(
                    name: "Chair Exercise Class",
                    description: "A seated exercise class to improve strength, balance and mobility, led by a qualified instructor.",
                    eligibility: "People aged 65 and over.",
                    applicationProcess: "Drop in.",
                    minimumAge: 65,
                    cost: "€2 per class",
                    languages: ["en", "ga"],
                    sessions: ["MO,WE 11:00-12:00"],
                    terms: ["recreation-sport.active-ageing", "health-wellbeing.older-people"]
                ),
                SampleService(
                    name: "Friday Tea Dance",
                    description: "An afternoon of waltzes, jives and line dancing to live music, with tea and cake.",
                    eligibility: "People aged 60 and over and their friends.",
                    applicationProcess: "Drop in.",
                    minimumAge: 60,
                    cost: "€3 per dance",
                    languages: ["en", "ga"],
                    sessions: ["FR 14:00-16:30"],
                    terms: ["recreation-sport.active-ageing", "art-culture.music"]
                ),
                SampleService(
                    name: "Outings and Day Trips",
                    description: "Monthly day trips to gardens, seaside towns and heritage sites by coach.",
                    eligibility: "Club members aged 60 and over.",
                    applicationProcess: "Book a seat at any club session.",
                    minimumAge: 60,
                    cost: "€15 to €25 per trip",
                    sessions: ["TH 09:30-17:00"],
                    terms: ["recreation-sport.active-ageing", "art-culture.heritage"]
                ),
            ]
        ),
        SampleOrganization(
            name: "Poppintree Men's Shed",
            description: "A workshop where men make, mend and chat, building friendships and fixing things for the community.",
            street: "Unit 3, 46 Poppintree Park Lane",
            neighbourhood: "Poppintree",
            services: [
                SampleService(
                    name: "Shed Workshop Days",
                    description: "Woodwork, metalwork and repairs for community groups, with tea breaks and plenty of banter.",
                    eligibility: "Men aged 18 and over; most members are retired.",
                    applicationProcess: "Drop in for a tour and a cuppa.",
                    minimumAge: 18,
                    sessions: ["TU,TH 10:00-15:00"],
                    terms: ["recreation-sport.active-ageing", "health-wellbeing.mental-health"]
                ),
                SampleService(
                    name: "Woodturning Course",
                    description: "A six-week course on using the lathe safely to turn bowls, pens and candlesticks.",
                    eligibility: "Shed members.",
                    applicationProcess: "Sign up at the shed.",
                    minimumAge: 18,
                    cost: "€20 per course",
                    sessions: ["WE 18:30-21:00"],
                    terms: ["recreation-sport.active-ageing", "art-culture.visual-arts"]
                ),
                SampleService(
                    name: "Open Shed Saturday",
                    description: "The shed opens to everyone, including women and families, for small repairs and a look around.",
                    eligibility: "Everyone is welcome.",
                    applicationProcess: "Drop in.",
                    sessions: ["SA 10:00-13:00"],
                    terms: ["recreation-sport.active-ageing", "place-making.environment"]
                ),
            ]
        ),
        SampleOrganization(
            name: "Coultry Hoops Basketball Club",
            description: "A basketball club for all ages and abilities, including a wheelchair basketball team.",
            street: "Coultry Sports Hall, 70 Coultry Road",
            neighbourhood: "Coultry",
            services: [
                SampleService(
                    name: "Mini Hoops",
                    description: "Fun basketball games and skills for younger children, with lowered hoops and small balls.",
                    eligibility: "Children aged 7 to 11.",
                    applicationProcess: "Drop in with a parent to register.",
                    minimumAge: 7,
                    maximumAge: 11,
                    cost: "€3 per session",
                    sessions: ["SA 10:00-11:00"],
                    terms: ["recreation-sport.team-sports"]
                ),
                SampleService(
                    name: "Youth Basketball",
                    description: "Training and league games for boys' and girls' teams.",
                    eligibility: "Young people aged 12 to 18.",
                    applicationProcess: "Drop in to a training session.",
                    minimumAge: 12,
                    maximumAge: 18,
                    cost: "€3 per session",
                    sessions: ["MO,WE 18:00-19:30"],
                    terms: ["recreation-sport.team-sports", "children-families.youth"]
                ),
                SampleService(
                    name: "Wheelchair Basketball",
                    description: "Fast-paced wheelchair basketball for disabled and non-disabled players; sports chairs provided.",
                    eligibility: "Anyone aged 12 and over.",
                    applicationProcess: "Phone to arrange a taster session.",
                    minimumAge: 12,
                    sessions: ["TH 18:30-20:00"],
                    terms: ["recreation-sport.team-sports", "health-wellbeing.disability"]
                ),
            ]
        ),
        SampleOrganization(
            name: "Santry Cross Gaels",
            description: "A hurling, camogie and Gaelic football club for boys and girls, with adult recreational teams.",
            street: "Clubhouse, 85 Santry Avenue",
            neighbourhood: "Santry Cross",
            services: [
                SampleService(
                    name: "Under-8s Hurling and Camogie",
                    description: "Nursery sessions teaching hurling and camogie skills through games; hurleys and helmets provided.",
                    eligibility: "Children aged 5 to 8.",
                    applicationProcess: "Come to a Saturday session with a parent to register.",
                    minimumAge: 5,
                    maximumAge: 8,
                    cost: "€50 per year",
                    languages: ["en", "ga"],
                    sessions: ["SA 10:00-11:00"],
                    terms: ["recreation-sport.team-sports", "art-culture.irish-language"]
                ),
                SampleService(
                    name: "Juvenile Gaelic Football",
                    description: "Training and matches for boys' and girls' teams from under-9 to under-16.",
                    eligibility: "Young people aged 9 to 16.",
                    applicationProcess: "Phone the juvenile secretary.",
                    minimumAge: 9,
                    maximumAge: 16,
                    cost: "€70 per year",
                    languages: ["en", "ga"],
                    sessions: ["TU,TH 18:30-19:45"],
                    terms: ["recreation-sport.team-sports"]
                ),
                SampleService(
                    name: "Gaelic for Mothers and Others",
                    description: "Social Gaelic football for women of all ages and abilities; no experience needed.",
                    eligibility: "Women aged 18 and over.",
                    applicationProcess: "Drop in.",
                    minimumAge: 18,
                    cost: "€4 per session",
                    sessions: ["WE 20:00-21:00"],
                    terms: ["recreation-sport.team-sports", "recreation-sport.fitness"]
                ),
            ]
        ),
        SampleOrganization(
            name: "Sillogue Martial Arts Academy",
            description: "Karate, kickboxing and self-defence classes in a welcoming, family-run dojo.",
            street: "Unit 5, 80 Sillogue Road",
            neighbourhood: "Sillogue",
            services: [
                SampleService(
                    name: "Kids' Karate",
                    description: "Traditional karate for children, building focus, respect and coordination, with regular gradings.",
                    eligibility: "Children aged 6 to 12.",
                    applicationProcess: "Drop in with a parent for a free first class.",
                    minimumAge: 6,
                    maximumAge: 12,
                    cost: "€6 per class",
                    sessions: ["TU,TH 17:00-18:00"],
                    terms: ["recreation-sport.boxing-martial-arts"]
                ),
                SampleService(
                    name: "Adult Kickboxing",
                    description: "Kickboxing technique and conditioning classes for beginners and improvers.",
                    eligibility: "Adults aged 16 and over.",
                    applicationProcess: "Drop in.",
                    minimumAge: 16,
                    cost: "€7 per class",
                    sessions: ["MO,WE 19:30-20:30"],
                    terms: ["recreation-sport.boxing-martial-arts", "recreation-sport.fitness"]
                ),
                SampleService(
                    name: "Self-Defence for Women",
                    description: "A practical monthly workshop on awareness, de-escalation and simple escape techniques.",
                    eligibility: "Women aged 16 and over.",
                    applicationProcess: "Phone to book a place.",
                    minimumAge: 16,
                    sessions: ["SA 11:00-13:00"],
                    terms: ["recreation-sport.boxing-martial-arts", "community-safety.victim-support"]
                ),
            ]
        ),
        SampleOrganization(
            name: "Shangan Runners",
            description: "A social running club for beginners and seasoned runners, known for its couch-to-5K programme.",
            street: "Pavilion, 70 Shangan Road",
            neighbourhood: "Shangan",
            services: [
                SampleService(
                    name: "Couch to 5K",
                    description: "A nine-week beginners' programme taking you from walking to running 5 km, in a supportive group.",
                    eligibility: "Adults aged 16 and over who are new to running.",
                    applicationProcess: "Drop in to the first session of each programme.",
                    minimumAge: 16,
                    sessions: ["MO,WE 19:00-20:00"],
                    terms: ["recreation-sport.fitness", "recreation-sport.walking"]
                ),
                SampleService(
                    name: "Saturday Social Run",
                    description: "A 5 km social run at three paces, so nobody runs alone, followed by coffee.",
                    eligibility: "Runners of all abilities.",
                    applicationProcess: "Drop in.",
                    minimumAge: 16,
                    sessions: ["SA 09:00-10:00"],
                    terms: ["recreation-sport.fitness"]
                ),
            ]
        ),
        SampleOrganization(
            name: "Balcurris Table Tennis and Games Club",
            description: "Table tennis, chess, board games and boccia for all ages in a friendly community room.",
            street: "Community Room, 19 Balcurris Gardens",
            neighbourhood: "Balcurris",
            services: [
                SampleService(
                    name: "Table Tennis Nights",
                    description: "Casual and competitive table tennis with coaching for beginners; bats provided.",
                    eligibility: "Anyone aged 10 and over.",
                    applicationProcess: "Drop in.",
                    minimumAge: 10,
                    cost: "€2 per night",
                    sessions: ["TU 19:00-21:30"],
                    terms: ["recreation-sport.fitness"]
                ),
                SampleService(
                    name: "Chess and Board Games Afternoon",
                    description: "Chess lessons for beginners and a games table with everything from Scrabble to Catan.",
                    eligibility: "Anyone aged 8 and over; under-12s with an adult.",
                    applicationProcess: "Drop in.",
                    minimumAge: 8,
                    languages: ["en", "uk"],
                    sessions: ["SA 14:00-17:00"],
                    terms: ["recreation-sport.active-ageing", "children-families.youth"]
                ),
                SampleService(
                    name: "Boccia for Older People",
                    description: "A gentle, inclusive ball game that is easy to learn and great for coordination.",
                    eligibility: "People aged 60 and over, including wheelchair users.",
                    applicationProcess: "Drop in.",
                    minimumAge: 60,
                    sessions: ["TH 11:00-12:30"],
                    terms: ["recreation-sport.active-ageing", "health-wellbeing.disability"]
                ),
            ]
        ),
        SampleOrganization(
            name: "Town Centre Community Fitness Studio",
            description: "A low-cost community gym and fitness studio with classes, GP exercise referral and postnatal fitness.",
            street: "Upper Level, 27 Main Street",
            neighbourhood: "Ballymun Town Centre",
            services: [
                SampleService(
                    name: "Community Gym Membership",
                    description: "Affordable gym membership with an induction, personalised programme and friendly instructors.",
                    eligibility: "Adults aged 16 and over.",
                    applicationProcess: "Join in person; an induction is booked at sign-up.",
                    minimumAge: 16,
                    cost: "€15 per month",
                    languages: ["en", "pl", "pt"],
                    sessions: ["MO,TU,WE,TH,FR 07:00-21:00", "SA,SU 09:00-14:00"],
                    terms: ["recreation-sport.fitness"]
                ),
                SampleService(
                    name: "Circuits Class",
                    description: "A 45-minute circuit class mixing cardio and strength exercises, adapted for every fitness level.",
                    eligibility: "Adults aged 16 and over.",
                    applicationProcess: "Drop in.",
                    minimumAge: 16,
                    cost: "€4 per class",
                    sessions: ["TU,TH 18:00-19:00"],
                    terms: ["recreation-sport.fitness"]
                ),
                SampleService(
                    name: "GP Exercise Referral Programme",
                    description: "A free twelve-week supervised exercise programme for people with long-term health conditions.",
                    eligibility: "Adults with conditions such as heart disease, diabetes or arthritis.",
                    applicationProcess: "Referral from a GP or physiotherapist.",
                    minimumAge: 18,
                    sessions: ["MO,WE 10:00-12:00"],
                    terms: ["recreation-sport.fitness", "health-wellbeing.primary-care"]
                ),
                SampleService(
                    name: "Postnatal Fitness",
                    description: "Gentle strength and core exercise for new mums, with babies welcome on the mat.",
                    eligibility: "Mothers from six weeks after birth, with GP clearance.",
                    applicationProcess: "Drop in.",
                    minimumAge: 16,
                    cost: "€4 per class",
                    languages: ["en", "ar"],
                    sessions: ["FR 10:00-11:00"],
                    terms: ["recreation-sport.fitness", "children-families.parenting"]
                ),
            ]
        ),
        SampleOrganization(
            name: "Poppintree Cricket Club",
            description: "A friendly club introducing cricket to children and adults, with soft-ball sessions and adult nets.",
            street: "Pavilion, 48 Poppintree Park Lane",
            neighbourhood: "Poppintree",
            services: [
                SampleService(
                    name: "Kids' Cricket",
                    description: "Soft-ball cricket games and skills for boys and girls, with equipment provided.",
                    eligibility: "Children aged 7 to 14.",
                    applicationProcess: "Drop in with a parent to register.",
                    minimumAge: 7,
                    maximumAge: 14,
                    sessions: ["SU 11:00-12:30"],
                    terms: ["recreation-sport.team-sports"]
                ),
                SampleService(
                    name: "Adult Cricket Nets",
                    description: "Batting and bowling practice in the nets, with friendly matches in summer.",
                    eligibility: "Adults aged 16 and over.",
                    applicationProcess: "Drop in.",
                    minimumAge: 16,
                    cost: "€3 per session",
                    sessions: ["WE 18:30-20:30"],
                    terms: ["recreation-sport.team-sports"]
                ),
            ]
        ),
        SampleOrganization(
            name: "Santry Cross Outdoor Adventures",
            description: "Kayaking, hillwalking, orienteering and climbing trips for young people and families.",
            street: "Unit 2, 90 Santry Avenue",
            neighbourhood: "Santry Cross",
            services: [
                SampleService(
                    name: "Youth Adventure Days",
                    description: "Monthly Saturday trips to the mountains, rivers and coast, with qualified instructors and all gear provided.",
                    eligibility: "Young people aged 12 to 18.",
                    applicationProcess: "A parent or guardian phones to book and completes a consent form.",
                    minimumAge: 12,
                    maximumAge: 18,
                    cost: "€10 per trip",
                    sessions: ["SA 09:00-17:00"],
                    terms: ["recreation-sport.walking", "children-families.youth"]
                ),
                SampleService(
                    name: "Family Nature Days",
                    description: "Family trips to forests and beaches with nature games, picnics and short walks.",
                    eligibility: "Families with children of any age.",
                    applicationProcess: "Phone to book seats on the bus.",
                    sessions: ["SU 10:00-15:00"],
                    terms: ["recreation-sport.walking", "children-families.family-support"]
                ),
                SampleService(
                    name: "Indoor Climbing Sessions",
                    description: "Bouldering and top-rope climbing at an indoor wall, with instruction and safety briefings.",
                    eligibility: "Anyone aged 10 and over.",
                    applicationProcess: "Phone to book a place.",
                    minimumAge: 10,
                    cost: "€8 per session",
                    sessions: ["WE 17:00-19:00"],
                    terms: ["recreation-sport.fitness"]
                ),
            ]
        ),
        SampleOrganization(
            name: "Coultry Indoor Bowls Club",
            description: "A sociable indoor bowls club for older people, with leagues and beginners' taster sessions.",
            street: "Coultry Sports Hall, 70 Coultry Road",
            neighbourhood: "Coultry",
            services: [
                SampleService(
                    name: "Indoor Bowls",
                    description: "Relaxed and competitive short-mat bowls, with tea and a chat.",
                    eligibility: "Adults aged 50 and over.",
                    applicationProcess: "Drop in.",
                    minimumAge: 50,
                    cost: "€2 per session",
                    sessions: ["MO,FR 14:00-16:00"],
                    terms: ["recreation-sport.active-ageing"]
                ),
                SampleService(
                    name: "Bowls Taster Sessions",
                    description: "Free taster sessions for complete beginners, with bowls provided.",
                    eligibility: "Anyone aged 16 and over.",
                    applicationProcess: "Drop in.",
                    minimumAge: 16,
                    sessions: ["SA 11:00-12:30"],
                    terms: ["recreation-sport.active-ageing"]
                ),
            ]
        ),
        SampleOrganization(
            name: "Balcurris Skate Crew",
            description: "Volunteer-run skateboarding and BMX coaching at the local skate park, with a focus on getting girls skating.",
            street: "Skate Park, 40 Balcurris Road",
            neighbourhood: "Balcurris",
            services: [
                SampleService(
                    name: "Skate Lessons",
                    description: "Beginner and improver skateboard lessons; boards and helmets available to borrow.",
                    eligibility: "Young people aged 7 to 16.",
                    applicationProcess: "A parent or guardian phones to book.",
                    minimumAge: 7,
                    maximumAge: 16,
                    cost: "€5 per lesson",
                    sessions: ["SA 11:00-13:00"],
                    terms: ["recreation-sport.fitness", "children-families.youth"]
                ),
                SampleService(
                    name: "Girls' Skate Night",
                    description: "A girls-only session with female coaches, music and a relaxed vibe.",
                    eligibility: "Girls aged 10 to 18.",
                    applicationProcess: "Drop in.",
                    minimumAge: 10,
                    maximumAge: 18,
                    sessions: ["WE 17:30-19:30"],
                    terms: ["recreation-sport.fitness", "children-families.youth"]
                ),
                SampleService(
                    name: "Sunday Skate Jam",
                    description: "An open session with mini-competitions, a BMX corner and free hot drinks in winter.",
                    eligibility: "Skaters and BMX riders of all ages; under-10s with an adult.",
                    applicationProcess: "Drop in.",
                    sessions: ["SU 13:00-17:00"],
                    terms: ["recreation-sport.fitness", "place-making.community-spaces"]
                ),
            ]
        ),
        SampleOrganization(
            name: "Shangan Women's Sports Collective",
            description: "Social sport for women of all ages: walking netball, badminton and a women-only multi-sport hour.",
            street: "Shangan Sports Hall, 90 Shangan Road",
            neighbourhood: "Shangan",
            services: [
                SampleService(
                    name: "Walking Netball",
                    description: "A slower version of netball with no running or jumping, ideal for returning to sport.",
                    eligibility: "Women aged 18 and over.",
                    applicationProcess: "Drop in.",
                    minimumAge: 18,
                    cost: "€2 per session",
                    sessions: ["TU 10:00-11:00"],
                    terms: ["recreation-sport.team-sports", "recreation-sport.active-ageing"]
                ),
                SampleService(
                    name: "Badminton Social",
                    description: "Friendly doubles badminton for all levels; rackets and shuttles provided.",
                    eligibility: "Women aged 16 and over.",
                    applicationProcess: "Drop in.",
                    minimumAge: 16,
                    cost: "€3 per session",
                    sessions: ["TH 19:30-21:00"],
                    terms: ["recreation-sport.fitness"]
                ),
                SampleService(
                    name: "Women-Only Multi-Sport Hour",
                    description: "A private women-only session trying a different sport each week, with female coaches and no spectators.",
                    eligibility: "Women and teenage girls aged 13 and over.",
                    applicationProcess: "Drop in.",
                    minimumAge: 13,
                    languages: ["en", "ar", "so"],
                    sessions: ["SU 15:00-16:30"],
                    terms: ["recreation-sport.fitness", "recreation-sport.team-sports"]
                ),
            ]
        ),
        SampleOrganization(
            name: "Balbutcher Multi-Sport Partnership",
            description: "Free multi-sport sessions that give children and teenagers a taste of many sports before they join a club.",
            street: "Balbutcher Pitches, 40 Balbutcher Lane",
            neighbourhood: "Balbutcher",
            services: [
                SampleService(
                    name: "After-School Multi-Sport",
                    description: "A different sport every fortnight, from tag rugby to athletics, with qualified coaches.",
                    eligibility: "Children aged 6 to 12.",
                    applicationProcess: "Register in person with a parent or guardian.",
                    minimumAge: 6,
                    maximumAge: 12,
                    sessions: ["MO,WE 15:30-17:00"],
                    terms: ["recreation-sport.team-sports", "children-families.after-school"]
                ),
                SampleService(
                    name: "Teen Sports Nights",
                    description: "Friday night five-a-side, basketball and music in the sports hall, run with youth workers.",
                    eligibility: "Young people aged 13 to 17.",
                    applicationProcess: "Drop in.",
                    minimumAge: 13,
                    maximumAge: 17,
                    sessions: ["FR 19:00-21:30"],
                    terms: ["recreation-sport.team-sports", "community-safety.youth-diversion"]
                ),
                SampleService(
                    name: "Holiday Sports Camps",
                    description: "Week-long sports camps during mid-term, Easter and summer holidays.",
                    eligibility: "Children aged 6 to 14.",
                    applicationProcess: "Phone to book; reduced fees are available on request.",
                    minimumAge: 6,
                    maximumAge: 14,
                    cost: "€15 per week",
                    sessions: ["MO,TU,WE,TH,FR 10:00-14:00"],
                    terms: ["recreation-sport.team-sports", "children-families.after-school"]
                ),
                SampleService(
                    name: "Inclusive Sports Club",
                    description: "Adapted sports for children and teenagers with physical, sensory or intellectual disabilities.",
                    eligibility: "Young people aged 8 to 18 with a disability.",
                    applicationProcess: "A parent or guardian phones to register.",
                    minimumAge: 8,
                    maximumAge: 18,
                    sessions: ["SA 10:00-11:30"],
                    terms: ["recreation-sport.team-sports", "health-wellbeing.disability"]
                ),
            ]
        ),
    ]

    private static let communitySafety: [SampleOrganization] = [
        SampleOrganization(
            name: "Balbutcher Community Safety Partnership",
            description: "Residents, community gardaí, the council and local services working together to make Balbutcher safer.",
            street: "Room 2, 10 Balbutcher Lane",
            neighbourhood: "Balbutcher",
            services: [
                SampleService(
                    name: "Community Safety Forum Meetings",
                    description: "A monthly public meeting where residents raise safety concerns and agencies report back on action taken.",
                    eligibility: "Everyone living or working in the area.",
                    applicationProcess: "Drop in; the forum meets on the last Thursday of each month.",
                    sessions: ["TH 19:00-20:30"],
                    terms: ["community-safety.forums"]
                ),
                SampleService(
                    name: "Garda Community Clinic",
                    description: "Meet the local community gardaí in confidence to raise concerns about anti-social behaviour, drug dealing or road safety.",
                    eligibility: "Residents of Balbutcher and surrounding areas.",
                    applicationProcess: "Drop in; no appointment needed.",
                    languages: ["en", "pl"],
                    sessions: ["TU 18:00-19:30"],
                    terms: ["community-safety.policing"]
                ),
                SampleService(
                    name: "Safety Walkabouts",
                    description: "Residents walk the estate with gardaí and council staff to spot broken lighting, hidden corners and hotspots.",
                    eligibility: "Everyone is welcome.",
                    applicationProcess: "Meet at the community hall.",
                    sessions: ["SA 11:00-12:30"],
                    terms: ["community-safety.forums", "place-making.residents"]
                ),
            ]
        ),
        SampleOrganization(
            name: "Haven Point Domestic Abuse Service",
            description: "Confidential support for women and men experiencing domestic abuse, including safety planning, court accompaniment and group work.",
            street: "Outreach Office, 12 Shangan Road",
            neighbourhood: "Shangan",
            services: [
                SampleService(
                    name: "Domestic Abuse Outreach Support",
                    description: "A support worker meets you somewhere safe to talk through your options, make a safety plan and link in with housing and legal help.",
                    eligibility: "Adults aged 18 and over experiencing or who have experienced domestic abuse.",
                    applicationProcess: "Phone the service; if it is not safe to talk, a worker will agree a safe time to call back.",
                    minimumAge: 18,
                    languages: ["en", "pl", "ro", "pt", "ar"],
                    sessions: ["MO,TU,WE,TH,FR 09:30-17:00"],
                    terms: ["community-safety.domestic-violence"]
                ),
                SampleService(
                    name: "Court Accompaniment",
                    description: "A trained volunteer comes with you to court for safety, barring or protection order hearings.",
                    eligibility: "Adults applying for a domestic violence order.",
                    applicationProcess: "Phone to arrange accompaniment, ideally a few days before your court date.",
                    minimumAge: 18,
                    languages: ["en", "pl", "ro"],
                    sessions: ["MO,TU,WE,TH,FR 09:00-13:00"],
                    terms: ["community-safety.domestic-violence", "community-safety.victim-support"]
                ),
                SampleService(
                    name: "Moving On Women's Group",
                    description: "A twelve-week group for women who have left an abusive relationship, exploring healthy relationships and rebuilding confidence.",
                    eligibility: "Women aged 18 and over no longer living with the abuser.",
                    applicationProcess: "Phone for an assessment with a support worker.",
                    minimumAge: 18,
                    languages: ["en", "pt"],
                    sessions: ["WE 10:00-12:30"],
                    terms: ["community-safety.domestic-violence", "health-wellbeing.mental-health"]
                ),
                SampleService(
                    name: "Children's Support after Domestic Abuse",
                    description: "Play and talk-based support helping children and teenagers recover from living with domestic abuse.",
                    eligibility: "Children aged 5 to 17 and their non-abusive parent.",
                    applicationProcess: "Referral from a support worker, school or social worker, or by the parent.",
                    minimumAge: 5,
                    maximumAge: 17,
                    sessions: ["TH 15:30-17:30"],
                    terms: ["community-safety.domestic-violence", "children-families.family-support"]
                ),
            ]
        ),
        SampleOrganization(
            name: "Coultry Restorative Practice Project",
            description: "Uses restorative meetings and mediation to repair harm between neighbours, young people and people affected by crime.",
            street: "Unit 4, 25 Coultry Road",
            neighbourhood: "Coultry",
            services: [
                SampleService(
                    name: "Neighbour Dispute Mediation",
                    description: "Free, confidential mediation for disputes about noise, parking, boundaries, pets or children.",
                    eligibility: "Neighbours in Ballymun who are in dispute.",
                    applicationProcess: "Phone to request mediation; each neighbour is visited separately first.",
                    languages: ["en", "ar", "ro"],
                    sessions: ["MO,WE 10:00-16:00", "TU 18:00-20:00"],
                    terms: ["community-safety.restorative-justice", "place-making.residents"]
                ),
                SampleService(
                    name: "Restorative Conferences",
                    description: "Facilitated meetings where people who caused harm and people affected talk about what happened and agree how to put things right.",
                    eligibility: "Anyone affected by harm or crime, including young people, with everyone's consent.",
                    applicationProcess: "Referral from gardaí, housing officers, schools or either party.",
                    sessions: ["TU,TH 10:00-16:00"],
                    terms: ["community-safety.restorative-justice"]
                ),
                SampleService(
                    name: "Restorative Practice Training for Residents",
                    description: "A free two-day course for residents and volunteers on restorative conversations and calming conflict.",
                    eligibility: "Residents, volunteers and community workers aged 18 and over.",
                    applicationProcess: "Phone to book a place.",
                    minimumAge: 18,
                    sessions: ["SA 10:00-13:00"],
                    terms: ["community-safety.restorative-justice", "education-training.further-education"]
                ),
            ]
        ),
        SampleOrganization(
            name: "Turning Point Youth Project",
            description: "A youth diversion project working with young people who are at risk of getting into trouble, and their families.",
            street: "Unit 7, 9 Balcurris Road",
            neighbourhood: "Balcurris",
            services: [
                SampleService(
                    name: "Youth Diversion Programme",
                    description: "Group and one-to-one work on choices, anger, peer pressure and goals, plus sport and trips.",
                    eligibility: "Young people aged 12 to 18.",
                    applicationProcess: "Referral from a Garda juvenile liaison officer, school, youth service or parent.",
                    minimumAge: 12,
                    maximumAge: 18,
                    sessions: ["MO,TU,WE,TH 16:00-20:00"],
                    terms: ["community-safety.youth-diversion", "children-families.youth"]
                ),
                SampleService(
                    name: "Street-Based Youth Work",
                    description: "Youth workers meet young people where they hang out at weekends, offering a chat, information and something to do.",
                    eligibility: "Young people aged 12 to 21.",
                    applicationProcess: "No referral needed; youth workers are out on the streets.",
                    minimumAge: 12,
                    maximumAge: 21,
                    sessions: ["FR,SA 19:00-23:00"],
                    terms: ["community-safety.youth-diversion", "children-families.youth"]
                ),
                SampleService(
                    name: "Motor Project",
                    description: "Young people learn car and motorbike mechanics in a real workshop, working towards a QQI award.",
                    eligibility: "Young people aged 15 to 18 involved with the diversion programme.",
                    applicationProcess: "Referral from a project worker.",
                    minimumAge: 15,
                    maximumAge: 18,
                    sessions: ["WE 14:00-17:00"],
                    terms: ["community-safety.youth-diversion", "education-training.further-education"]
                ),
            ]
        ),
        SampleOrganization(
            name: "Santry Cross Neighbourhood Watch Network",
            description: "Connects Neighbourhood Watch groups across Santry Cross, sharing crime prevention tips and looking out for older neighbours.",
            street: "Meeting Room, 50 Santry Avenue",
            neighbourhood: "Santry Cross",
            services: [
                SampleService(
                    name: "Neighbourhood Watch Meetings",
                    description: "A monthly meeting with the community gardaí to share information and crime prevention advice.",
                    eligibility: "Residents of Santry Cross and nearby roads.",
                    applicationProcess: "Drop in.",
                    sessions: ["WE 19:30-21:00"],
                    terms: ["community-safety.forums", "community-safety.policing"]
                ),
                SampleService(
                    name: "Home Security Checks for Older People",
                    description: "Volunteers check locks, lighting and alarms and fit free door chains and window locks where needed.",
                    eligibility: "People aged 65 and over, or anyone living alone with a disability.",
                    applicationProcess: "Phone to book a home visit.",
                    minimumAge: 65,
                    sessions: ["TU,TH 10:00-13:00"],
                    terms: ["community-safety.victim-support", "health-wellbeing.older-people"]
                ),
                SampleService(
                    name: "Bike and Property Marking Days",
                    description: "Get bikes, tools and valuables security-marked for free so they can be returned if stolen.",
                    eligibility: "Everyone is welcome.",
                    applicationProcess: "Drop in with your bike or items.",
                    sessions: ["SA 10:00-12:00"],
                    terms: ["community-safety.policing"]
                ),
            ]
        ),
        SampleOrganization(
            name: "Sillogue Victim Support Link",
            description: "Practical and emotional support for victims of crime, including help with court and compensation forms.",
            street: "Room 3, 60 Sillogue Road",
            neighbourhood: "Sillogue",
            services: [
                SampleService(
                    name: "Victim Support Appointments",
                    description: "A trained volunteer listens, explains the justice process and helps with practical steps after a crime.",
                    eligibility: "Anyone affected by crime, whether or not it was reported to the gardaí.",
                    applicationProcess: "Phone or drop in.",
                    languages: ["en", "pl", "ro"],
                    sessions: ["MO,WE,FR 10:00-16:00"],
                    terms: ["community-safety.victim-support"]
                ),
                SampleService(
                    name: "Court Preparation Support",
                    description: "Explains what to expect at court, arranges a pre-trial visit and can come with you on the day.",
                    eligibility: "Victims and witnesses attending court.",
                    applicationProcess: "Phone to book.",
                    sessions: ["TU 10:00-13:00"],
                    terms: ["community-safety.victim-support"]
                ),
                SampleService(
                    name: "Burglary Support Visits",
                    description: "A volunteer visits after a burglary to offer reassurance, security advice and help contacting insurers.",
                    eligibility: "Households affected by burglary.",
                    applicationProcess: "Referral from the gardaí or self-referral by phone.",
                    languages: ["en", "pl"],
                    sessions: ["MO,TU,WE,TH,FR 10:00-16:00"],
                    terms: ["community-safety.victim-support", "community-safety.policing"]
                ),
            ]
        ),
        SampleOrganization(
            name: "Poppintree Safer Streets Group",
            description: "A residents' group tackling street lighting, scramblers and drug-dealing hotspots with the council and gardaí.",
            street: "Poppintree Hall, 3 Poppintree Park Lane",
            neighbourhood: "Poppintree",
            services: [
                SampleService(
                    name: "Residents' Safety Meetings",
                    description: "A monthly meeting where residents agree priorities and invite the gardaí and council to respond.",
                    eligibility: "Residents of Poppintree.",
                    applicationProcess: "Drop in.",
                    sessions: ["MO 19:30-21:00"],
                    terms: ["community-safety.forums"]
                ),
                SampleService(
                    name: "Hotspot Reporting Clinic",
                    description: "Volunteers help residents report broken lights, dumping and anti-social behaviour, confidentially if needed.",
                    eligibility: "Residents of Poppintree.",
                    applicationProcess: "Drop in.",
                    sessions: ["SA 10:00-12:00"],
                    terms: ["community-safety.forums", "place-making.residents"]
                ),
                SampleService(
                    name: "Scrambler and Quad Bike Safety Project",
                    description: "Young people learn to ride safely on a supervised off-road track instead of on the estates.",
                    eligibility: "Young people aged 12 to 18.",
                    applicationProcess: "Referral from a youth worker, garda or parent.",
                    minimumAge: 12,
                    maximumAge: 18,
                    sessions: ["WE 17:00-19:00"],
                    terms: ["community-safety.youth-diversion", "recreation-sport.fitness"]
                ),
            ]
        ),
        SampleOrganization(
            name: "Plain Law Advice Clinic",
            description: "Free legal information evenings with volunteer solicitors, covering family law, debt, housing and criminal matters.",
            street: "Level 1, 33 Main Street",
            neighbourhood: "Ballymun Town Centre",
            services: [
                SampleService(
                    name: "Free Legal Advice Evenings",
                    description: "A 20-minute consultation with a volunteer solicitor to understand your legal options and next steps.",
                    eligibility: "Adults aged 18 and over who cannot afford a private solicitor.",
                    applicationProcess: "Phone to book a 20-minute slot.",
                    minimumAge: 18,
                    languages: ["en", "pt", "ro"],
                    sessions: ["TU 18:30-20:30"],
                    terms: ["community-safety.victim-support"]
                ),
                SampleService(
                    name: "Family Law and Safety Orders Clinic",
                    description: "Information on safety, protection and barring orders, custody and maintenance, with help preparing applications.",
                    eligibility: "Adults dealing with family law or domestic abuse issues.",
                    applicationProcess: "Phone to book an appointment.",
                    minimumAge: 18,
                    languages: ["en", "pl", "ar"],
                    sessions: ["TH 10:00-13:00"],
                    terms: ["community-safety.domestic-violence"]
                ),
                SampleService(
                    name: "Know Your Rights Workshops",
                    description: "Short workshops on your rights if you are stopped, searched or arrested, and how to make a complaint.",
                    eligibility: "Everyone aged 16 and over.",
                    applicationProcess: "Drop in.",
                    minimumAge: 16,
                    languages: ["en", "ar", "fr"],
                    sessions: ["TH 18:30-20:00"],
                    terms: ["community-safety.policing"]
                ),
            ]
        ),
        SampleOrganization(
            name: "Shangan Online Safety Project",
            description: "Helps young people and parents deal with cyberbullying, scams and online exploitation.",
            street: "Unit 2, 14 Shangan Road",
            neighbourhood: "Shangan",
            services: [
                SampleService(
                    name: "Online Safety Workshops for Parents",
                    description: "An evening workshop on apps, privacy settings, screen time and spotting grooming and sextortion.",
                    eligibility: "Parents and carers.",
                    applicationProcess: "Phone to book a place.",
                    languages: ["en", "pl"],
                    sessions: ["WE 19:00-20:30"],
                    terms: ["community-safety.victim-support", "children-families.parenting"]
                ),
                SampleService(
                    name: "Cyberbullying Support for Teens",
                    description: "One-to-one support for young people who are being bullied or threatened online, with help to report and block.",
                    eligibility: "Young people aged 11 to 18.",
                    applicationProcess: "Drop in, or phone to book a confidential chat.",
                    minimumAge: 11,
                    maximumAge: 18,
                    sessions: ["TU 16:00-18:00"],
                    terms: ["community-safety.victim-support", "children-families.youth"]
                ),
                SampleService(
                    name: "Digital Citizenship Sessions for Schools",
                    description: "Interactive classroom sessions on online respect, sharing images and where to get help.",
                    eligibility: "Primary and secondary school classes in Ballymun.",
                    applicationProcess: "Teachers phone to book a session.",
                    minimumAge: 10,
                    maximumAge: 18,
                    sessions: ["MO,WE 09:30-12:30"],
                    terms: ["community-safety.youth-diversion", "education-training.digital-skills"]
                ),
            ]
        ),
        SampleOrganization(
            name: "Safe Exit Intimidation Support",
            description: "Confidential support for families facing drug-related debt and intimidation.",
            street: "Outreach Room, 14 Balbutcher Drive",
            neighbourhood: "Balbutcher",
            services: [
                SampleService(
                    name: "Intimidation Support Line",
                    description: "A confidential phone line offering advice and a listening ear to anyone being threatened over a drug debt.",
                    eligibility: "Anyone affected by drug-related intimidation, including family members.",
                    applicationProcess: "Phone during opening hours; you do not need to give your name.",
                    sessions: ["MO,TU,WE,TH,FR 10:00-18:00"],
                    terms: ["community-safety.victim-support", "health-wellbeing.addiction"]
                ),
                SampleService(
                    name: "One-to-One Safety Planning",
                    description: "A worker helps you make a safety plan and, if you choose, link in with a nominated garda inspector.",
                    eligibility: "Adults affected by drug-related intimidation.",
                    applicationProcess: "Phone to arrange a meeting in a safe place.",
                    minimumAge: 18,
                    sessions: ["TU,TH 10:00-16:00"],
                    terms: ["community-safety.victim-support", "community-safety.policing"]
                ),
                SampleService(
                    name: "Family Support Group",
                    description: "A monthly group for parents and partners dealing with the fallout of a loved one's drug debt.",
                    eligibility: "Family members of people with drug-related debts.",
                    applicationProcess: "Phone for a chat before attending.",
                    minimumAge: 18,
                    sessions: ["WE 19:00-20:30"],
                    terms: ["community-safety.victim-support", "health-wellbeing.addiction"]
                ),
            ]
        ),
        SampleOrganization(
            name: "Sillogue Community Wardens",
            description: "Uniformed community wardens who patrol the estates, help older residents and report problems quickly.",
            street: "Warden Base, 12 Sillogue Green",
            neighbourhood: "Sillogue",
            services: [
                SampleService(
                    name: "Community Warden Patrols",
                    description: "Wardens patrol on foot, check on vulnerable residents and report dumping, damage and anti-social behaviour.",
                    eligibility: "All residents of Sillogue and nearby estates.",
                    applicationProcess: "Stop a warden, or phone the warden base.",
                    sessions: ["MO,TU,WE,TH,FR 08:00-20:00", "SA,SU 10:00-18:00"],
                    terms: ["community-safety.forums", "place-making.environment"]
                ),
                SampleService(
                    name: "Wardens' Drop-in Desk",
                    description: "Report a problem, pick up a spare key from the key-holding scheme or ask for advice.",
                    eligibility: "Residents of Sillogue.",
                    applicationProcess: "Drop in.",
                    sessions: ["MO,WE,FR 09:30-11:30"],
                    terms: ["community-safety.forums"]
                ),
                SampleService(
                    name: "Older Residents' Check-in Calls",
                    description: "Wardens phone or call to older residents who live alone during cold snaps, storms and heatwaves.",
                    eligibility: "People aged 70 and over living alone.",
                    applicationProcess: "Phone to register, or ask a family member to register you.",
                    minimumAge: 70,
                    sessions: ["MO,TU,WE,TH,FR 10:00-12:00"],
                    terms: ["community-safety.victim-support", "health-wellbeing.older-people"]
                ),
            ]
        ),
        SampleOrganization(
            name: "Changing Ways Programme",
            description: "A programme for men who want to stop being abusive in their relationships, with support for their partners.",
            street: "Unit 3, 9 Coultry Drive",
            neighbourhood: "Coultry",
            services: [
                SampleService(
                    name: "Men's Behaviour Change Group",
                    description: "A weekly group programme helping men take responsibility for abusive behaviour and learn to relate without violence.",
                    eligibility: "Men aged 18 and over who have been abusive to a partner.",
                    applicationProcess: "Self-referral or referral from probation or a family support service; an assessment is required.",
                    minimumAge: 18,
                    sessions: ["MO 19:00-21:30"],
                    terms: ["community-safety.domestic-violence"]
                ),
                SampleService(
                    name: "Partner Support Service",
                    description: "A separate worker supports the partners and ex-partners of men in the programme, with safety planning.",
                    eligibility: "Partners and ex-partners of programme participants.",
                    applicationProcess: "A worker will contact you when your partner starts the programme, or phone directly.",
                    minimumAge: 18,
                    sessions: ["TU,TH 10:00-15:00"],
                    terms: ["community-safety.domestic-violence", "community-safety.victim-support"]
                ),
            ]
        ),
        SampleOrganization(
            name: "Safe at Home Santry Cross",
            description: "Free smoke alarms, fire safety and falls prevention visits for older and vulnerable residents.",
            street: "Unit 5, 12 Santry Avenue",
            neighbourhood: "Santry Cross",
            services: [
                SampleService(
                    name: "Free Smoke Alarm Fitting",
                    description: "Volunteers fit free smoke and carbon monoxide alarms and test existing ones.",
                    eligibility: "People aged 65 and over, or people with a disability living at home.",
                    applicationProcess: "Phone to book a home visit.",
                    minimumAge: 65,
                    sessions: ["MO,TU,WE,TH 10:00-15:00"],
                    terms: ["community-safety.victim-support", "health-wellbeing.older-people"]
                ),
                SampleService(
                    name: "Fire Safety Talks",
                    description: "Short talks for community groups on fire escape plans, electrical safety and chip-pan fires.",
                    eligibility: "Community groups, clubs and schools.",
                    applicationProcess: "Phone to book a talk for your group.",
                    sessions: ["WE 14:00-15:00"],
                    terms: ["community-safety.forums"]
                ),
                SampleService(
                    name: "Handyperson Safety Repairs",
                    description: "Small repairs to make homes safer: grab rails, stair rails, bulbs and trip hazards.",
                    eligibility: "People aged 65 and over living in their own home.",
                    applicationProcess: "Phone to request a visit; materials are free for medical card holders.",
                    minimumAge: 65,
                    cost: "€10 call-out charge; free for medical card holders",
                    sessions: ["TU,TH 09:30-13:00"],
                    terms: ["community-safety.victim-support", "health-wellbeing.older-people"]
                ),
            ]
        ),
        SampleOrganization(
            name: "Second Chances Mentoring",
            description: "Mentoring and training for young adults leaving detention or on probation, helping them build a life away from crime.",
            street: "Unit 2, 2 Balcurris Road",
            neighbourhood: "Balcurris",
            services: [
                SampleService(
                    name: "Post-Release Mentoring",
                    description: "A mentor with lived experience supports you through the first months after release, from housing to ID to job search.",
                    eligibility: "Young adults aged 18 to 29 leaving prison or on probation.",
                    applicationProcess: "Referral from the probation service, prison staff or self-referral.",
                    minimumAge: 18,
                    maximumAge: 29,
                    sessions: ["MO,TU,WE,TH,FR 10:00-16:00"],
                    terms: ["community-safety.restorative-justice", "community-safety.youth-diversion"]
                ),
                SampleService(
                    name: "Victim Awareness Course",
                    description: "A group course exploring the impact of crime on victims and communities, as a step towards making amends.",
                    eligibility: "Adults aged 18 and over on probation or in the mentoring programme.",
                    applicationProcess: "Referral from a probation officer or mentor.",
                    minimumAge: 18,
                    sessions: ["WE 10:00-12:30"],
                    terms: ["community-safety.restorative-justice"]
                ),
                SampleService(
                    name: "Work-Ready Programme",
                    description: "A paid training programme with certificates, work placements and help disclosing convictions to employers.",
                    eligibility: "Young adults aged 18 to 29 with a criminal record.",
                    applicationProcess: "Referral from a mentor or probation officer.",
                    minimumAge: 18,
                    maximumAge: 29,
                    sessions: ["TU,TH 10:00-14:00"],
                    terms: ["community-safety.youth-diversion", "education-training.employment"]
                ),
            ]
        ),
        SampleOrganization(
            name: "Town Centre Night Safety Volunteers",
            description: "Trained volunteers in high-visibility jackets who support people in the town centre on weekend evenings.",
            street: "Ground Floor, 5 Main Street",
            neighbourhood: "Ballymun Town Centre",
            services: [
                SampleService(
                    name: "Weekend Street Support",
                    description: "Volunteers help anyone who is lost, unwell, upset or vulnerable, and offer water, flip-flops and a phone charge.",
                    eligibility: "Anyone in the town centre who needs help.",
                    applicationProcess: "Look for the volunteers in blue jackets near the plaza.",
                    sessions: ["FR,SA 19:00-23:30"],
                    terms: ["community-safety.victim-support"]
                ),
                SampleService(
                    name: "First Response and Bleed Control Training",
                    description: "Free training for residents on CPR, defibrillators and stopping serious bleeding.",
                    eligibility: "Adults aged 16 and over.",
                    applicationProcess: "Phone to book a place.",
                    minimumAge: 16,
                    sessions: ["SU 11:00-13:00"],
                    terms: ["community-safety.victim-support", "health-wellbeing.primary-care"]
                ),
            ]
        ),
        SampleOrganization(
            name: "Poppintree Hate Crime Reporting Point",
            description: "A third-party reporting point for racist, homophobic, transphobic and other hate incidents, with support for people affected.",
            street: "Unit 4, 33 Poppintree Park Lane",
            neighbourhood: "Poppintree",
            services: [
                SampleService(
                    name: "Hate Incident Reporting and Support",
                    description: "Report a hate incident in confidence, with or without going to the gardaí, and get support and advice.",
                    eligibility: "Anyone who has experienced or witnessed a hate incident.",
                    applicationProcess: "Drop in or phone; interpreters can be arranged.",
                    languages: ["en", "ar", "pl", "ro", "pt", "so", "fr"],
                    sessions: ["MO,WE 10:00-16:00", "TH 17:00-19:00"],
                    terms: ["community-safety.victim-support", "community-safety.policing"]
                ),
                SampleService(
                    name: "Anti-Racism Community Workshops",
                    description: "Workshops for community groups and workplaces on challenging racism and supporting people targeted by it.",
                    eligibility: "Community groups, clubs and local employers.",
                    applicationProcess: "Phone to book a workshop.",
                    sessions: ["TU 19:00-21:00"],
                    terms: ["community-safety.forums"]
                ),
                SampleService(
                    name: "Interfaith and Intercultural Dialogue Evenings",
                    description: "Neighbours of different faiths and cultures meet to share food and talk openly about living together.",
                    eligibility: "Everyone is welcome.",
                    applicationProcess: "Drop in.",
                    languages: ["en", "ar"],
                    sessions: ["SU 17:00-19:00"],
                    terms: ["community-safety.forums", "art-culture.heritage"]
                ),
            ]
        ),
        SampleOrganization(
            name: "Shangan Peer Mediators",
            description: "Trains young people as peer mediators who help other young people resolve conflicts in schools and youth clubs.",
            street: "Youth Room, 35 Shangan Avenue",
            neighbourhood: "Shangan",
            services: [
                SampleService(
                    name: "Peer Mediation Training",
                    description: "A ten-week course in listening, mediation and conflict resolution, leading to a certificate.",
                    eligibility: "Young people aged 14 to 18.",
                    applicationProcess: "Apply through your school or youth club, or phone the project.",
                    minimumAge: 14,
                    maximumAge: 18,
                    sessions: ["WE 16:00-18:00"],
                    terms: ["community-safety.restorative-justice", "children-families.youth"]
                ),
                SampleService(
                    name: "Youth Conflict Resolution Drop-in",
                    description: "Young people can bring a falling-out to trained peer mediators and a youth worker.",
                    eligibility: "Young people aged 12 to 18.",
                    applicationProcess: "Drop in.",
                    minimumAge: 12,
                    maximumAge: 18,
                    sessions: ["FR 16:00-18:00"],
                    terms: ["community-safety.restorative-justice", "children-families.youth"]
                ),
                SampleService(
                    name: "Knife Crime Awareness Workshops",
                    description: "Interactive workshops with a trauma nurse and youth workers on the real consequences of carrying a knife.",
                    eligibility: "Young people aged 12 to 18 in groups.",
                    applicationProcess: "Schools and youth groups phone to book.",
                    minimumAge: 12,
                    maximumAge: 18,
                    sessions: ["TU 17:00-18:30"],
                    terms: ["community-safety.youth-diversion"]
                ),
            ]
        ),
        SampleOrganization(
            name: "Safeguarding Older People Network",
            description: "Raises awareness of elder abuse, financial scams and coercion, and helps older people stay safe and in control.",
            street: "Coultry Resource Room, 21 Coultry Road",
            neighbourhood: "Coultry",
            services: [
                SampleService(
                    name: "Safeguarding Advice Line",
                    description: "Confidential advice if you are worried that an older person is being abused, neglected or exploited.",
                    eligibility: "Older people, their families, neighbours and professionals.",
                    applicationProcess: "Phone during opening hours.",
                    languages: ["en", "ga"],
                    sessions: ["MO,TU,WE,TH,FR 09:30-13:00"],
                    terms: ["community-safety.victim-support", "health-wellbeing.older-people"]
                ),
                SampleService(
                    name: "Scam Awareness Talks",
                    description: "Talks on doorstep, phone and online scams, with a chance to ask a community garda questions.",
                    eligibility: "People aged 60 and over.",
                    applicationProcess: "Drop in.",
                    minimumAge: 60,
                    languages: ["en", "ga"],
                    sessions: ["TH 11:00-12:00"],
                    terms: ["community-safety.victim-support", "health-wellbeing.older-people"]
                ),
                SampleService(
                    name: "Enduring Power of Attorney Information Sessions",
                    description: "Plain-language information on planning ahead, decision-making supports and protecting your money.",
                    eligibility: "Older people and their families.",
                    applicationProcess: "Phone to book a place.",
                    minimumAge: 50,
                    sessions: ["TU 14:00-15:30"],
                    terms: ["community-safety.victim-support", "health-wellbeing.older-people"]
                ),
            ]
        ),
    ]
}
