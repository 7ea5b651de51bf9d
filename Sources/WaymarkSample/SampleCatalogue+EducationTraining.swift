import Foundation
import WaymarkCore

extension SampleCatalogue {
    /// Fictional education & training organisations of the Ballymun sample.
    static let educationTraining: [SampleOrganization] = [
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
}
