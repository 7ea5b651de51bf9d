import Foundation
import WaymarkCore

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
}
