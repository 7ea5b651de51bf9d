import Foundation
import WaymarkCore

extension SampleCatalogue {
    /// Fictional health & wellbeing organisations of the Ballymun sample.
    static let healthWellbeing: [SampleOrganization] = [
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
}
