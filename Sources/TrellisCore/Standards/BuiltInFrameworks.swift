/// The frameworks every Trellis installation has, whatever the district imports.
///
/// Criterion titles are the official wording; descriptions are short plain-language
/// summaries written for Trellis (they also give the standard suggester words to match).
/// Identifiers are the codes in lower case: readable, URL-safe and never reused.
public enum BuiltInFrameworks {
    /// All built-in frameworks, in the order they are offered.
    public static let all: [FrameworkDefinition] = [
        washingtonTeacherCriteria, washingtonPrincipalCriteria, isteCoaches,
    ]

    /// Every built-in standard by identifier.
    public static let standardsByIdentifier: [String: Standard] = Dictionary(
        all.flatMap(\.standards).map { ($0.identifier, $0) }, uniquingKeysWith: { first, _ in first })

    /// The built-in framework with this identifier, if any.
    public static func definition(identifier: String) -> FrameworkDefinition? {
        all.first { $0.framework.identifier == identifier }
    }

    /// Washington's eight teacher evaluation criteria (RCW 28A.405.100), worded as OSPI's
    /// Teacher and Principal Evaluation Program (TPEP) publishes them. The descriptions
    /// start with the one-word descriptor of WAC 392-191A-060.
    public static let washingtonTeacherCriteria = FrameworkDefinition(
        framework: Framework(
            identifier: "wa-teacher-criteria",
            title: "Washington Teacher Evaluation Criteria",
            creator: "Washington OSPI",
            description: "The eight criteria on which Washington classroom teachers are evaluated (RCW 28A.405.100, TPEP).",
            isBuiltIn: true
        ),
        standards: criteria(prefix: "WA-T", [
            ("Centering instruction on high expectations for student achievement",
             "Expectations: the teacher communicates high expectations for what every student can learn and achieve."),
            ("Demonstrating effective teaching practices",
             "Instruction: the teacher uses research-based instructional practices that meet the needs of all students."),
            ("Recognizing individual student learning needs and developing strategies to address those needs",
             "Differentiation: the teacher learns about each student's cultural, individual, intellectual and social development and uses it to differentiate teaching so every student advances."),
            ("Providing clear and intentional focus on subject matter content and curriculum",
             "Content knowledge: the teacher uses content knowledge, learning standards, sound pedagogy and resources to design and deliver curriculum and lessons."),
            ("Fostering and managing a safe, positive learning environment",
             "Learning environment: the teacher builds and manages a safe, inclusive classroom that cares for students' physical, emotional and intellectual well-being."),
            ("Using multiple student data elements to modify instruction and improve student learning",
             "Assessment: the teacher uses formative and summative assessment data to plan, inform and adjust instruction and to evaluate student learning."),
            ("Communicating and collaborating with parents and the school community",
             "Families and community: the teacher communicates and works with students, families and the school community to promote student learning."),
            ("Exhibiting collaborative and collegial practices focused on improving instructional practice and student learning",
             "Professional practice: the teacher works with colleagues, for example in a professional learning community (PLC), to improve teaching and advance the profession."),
        ])
    )

    /// Washington's eight principal evaluation criteria. The wording is the statute's
    /// (RCW 28A.405.100); the numbering is the one OSPI, WAC 392-191A and the AWSP
    /// Leadership Framework use, which differs from the statute's list order (the
    /// statute lists "closing the achievement gap" second; TPEP numbers it 8).
    public static let washingtonPrincipalCriteria = FrameworkDefinition(
        framework: Framework(
            identifier: "wa-principal-criteria",
            title: "Washington Principal Evaluation Criteria",
            creator: "Washington OSPI",
            description: "The eight criteria on which Washington principals and assistant principals are evaluated (RCW 28A.405.100, TPEP).",
            isBuiltIn: true
        ),
        standards: criteria(prefix: "WA-P", [
            ("Creating a school culture that promotes the ongoing improvement of learning and teaching for students and staff",
             "Creating a culture: the principal builds and sustains a school culture of continuous improvement for students and staff."),
            ("Providing for school safety",
             "Ensuring school safety: the principal leads a safe-schools plan covering prevention, intervention, crisis response and recovery."),
            ("Leading the development, implementation, and evaluation of a data-driven plan for increasing student achievement, including the use of multiple student data elements",
             "Planning with data: the principal leads a school improvement plan built on several sources of student data."),
            ("Assisting instructional staff with alignment of curriculum, instruction, and assessment with state and local district learning goals",
             "Aligning curriculum: the principal helps staff align curriculum, instruction and assessment with state and district learning goals."),
            ("Monitoring, assisting, and evaluating effective instruction and assessment practices",
             "Improving instruction: the principal observes, supports and evaluates teaching so that instruction and assessment keep improving."),
            ("Managing both staff and fiscal resources to support student achievement and legal responsibilities",
             "Managing resources: the principal manages people and budgets to reach student achievement goals and meet legal duties."),
            ("Partnering with the school community to promote student learning",
             "Engaging communities: the principal communicates and partners with families and community members to promote student learning."),
            ("Demonstrating commitment to closing the achievement gap",
             "Closing the gap: the principal identifies barriers to achievement and leads the school in closing gaps between groups of students."),
        ])
    )

    /// The ISTE Standards for Coaches (2019; ISTE numbers them 4.1 to 4.7). Standard 3's
    /// summary and its indicators 3a–3d are quoted as ISTE words them; the other summaries
    /// are paraphrases, and the indicators' short titles are Trellis's own.
    public static let isteCoaches = FrameworkDefinition(
        framework: Framework(
            identifier: "iste-coaches",
            title: "ISTE Standards for Coaches",
            creator: "ISTE",
            description: "The International Society for Technology in Education's standards for instructional technology coaches.",
            isBuiltIn: true
        ),
        standards: isteStandards()
    )

    // MARK: - Building the lists

    private static func criteria(prefix: String, _ entries: [(title: String, description: String)]) -> [Standard] {
        entries.enumerated().map { offset, entry in
            let code = "\(prefix)-\(offset + 1)"
            return Standard(
                identifier: code.lowercased(),
                code: code,
                title: entry.title,
                description: entry.description,
                position: offset
            )
        }
    }

    private static func isteStandards() -> [Standard] {
        let standards: [(title: String, description: String)] = [
            ("Change Agent",
             "Coaches inspire educators and leaders to use technology so that every learner has equitable, ongoing access to high-quality learning."),
            ("Connected Learner",
             "Coaches model the ISTE Standards for Students and for Educators and keep improving their own coaching practice."),
            ("Collaborator",
             "Coaches establish productive relationships with educators in order to improve instructional practice and learning outcomes."),
            ("Learning Designer",
             "Coaches model and support educators in designing learning experiences and environments that meet the needs and interests of all students."),
            ("Professional Learning Facilitator",
             "Coaches plan, provide and evaluate professional learning that helps educators and leaders use technology to advance teaching and learning."),
            ("Data-Driven Decision-Maker",
             "Coaches model and support the use of qualitative and quantitative data to inform their own practice and educators' decisions."),
            ("Digital Citizen Advocate",
             "Coaches model digital citizenship and help educators and students use technology safely and ethically: judging online sources, behaving respectfully online and protecting personal data."),
        ]
        // Quoted exactly: these four sentences name the coach's work in a growth plan.
        let collaboratorIndicators: [(title: String, description: String)] = [
            ("Build trusting coaching relationships",
             "Establish trusting and respectful coaching relationships that encourage educators to explore new instructional strategies."),
            ("Identify relevant digital content",
             "Partner with educators to identify digital learning content that is culturally relevant, developmentally appropriate and aligned to content standards."),
            ("Evaluate digital content and tools",
             "Partner with educators to evaluate the efficacy of digital learning content and tools to inform procurement decisions and adoption."),
            ("Personalize support for educators",
             "Personalize support for educators by planning and modeling the effective use of technology to improve student learning."),
        ]
        var result: [Standard] = []
        for (offset, entry) in standards.enumerated() {
            let code = "ISTE-C-\(offset + 1)"
            let parent = Standard(
                identifier: code.lowercased(), code: code,
                title: entry.title, description: entry.description, position: offset
            )
            result.append(parent)
            guard offset == 2 else { continue }
            for (index, indicator) in collaboratorIndicators.enumerated() {
                let letter = String(UnicodeScalar(UInt8(ascii: "a") + UInt8(index)))
                result.append(Standard(
                    identifier: (code + letter).lowercased(), code: code + letter,
                    title: indicator.title, description: indicator.description,
                    parentIdentifier: parent.identifier, position: index
                ))
            }
        }
        return result
    }
}
