import Foundation
import WaymarkCore

extension SampleCatalogue {
    /// Fictional place making organisations of the Ballymun sample.
    static let placeMaking: [SampleOrganization] = [
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
}
