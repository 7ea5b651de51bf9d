import Foundation
import WaymarkCore

extension SampleCatalogue {
    /// Fictional art & culture organisations of the Ballymun sample.
    static let artCulture: [SampleOrganization] = [
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
}
