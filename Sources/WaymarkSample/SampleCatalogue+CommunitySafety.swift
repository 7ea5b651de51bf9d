import Foundation
import WaymarkCore

extension SampleCatalogue {
    /// Fictional community safety organisations of the Ballymun sample.
    static let communitySafety: [SampleOrganization] = [
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
