import Foundation
import WaymarkCore

extension SampleCatalogue {
    /// Fictional recreation & sport organisations of the Ballymun sample.
    static let recreationSport: [SampleOrganization] = [
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
}
