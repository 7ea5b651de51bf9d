import Foundation
import WaymarkCore

extension SampleCatalogue {
    /// Fictional children & families organisations of the Ballymun sample.
    static let childrenFamilies: [SampleOrganization] = [
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
}
