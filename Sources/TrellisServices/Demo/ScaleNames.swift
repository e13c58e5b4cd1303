/// Names for the generated districts and schools of the state-scale demo: Washington places, so a district list reads
/// like a state's, and none of them the named demo district.
enum ScaleNames {
    /// Slug and name of each generated district, in order; a fill of n districts takes the first n - 1.
    static let districts: [(slug: String, name: String)] = [
        "Olympic", "Yakima Valley", "Spokane Prairie", "Puget Sound", "Columbia Gorge", "Skagit Bay", "Palouse", "Wenatchee Hills",
        "Chehalis River", "Kitsap Harbor", "Methow Valley", "Snoqualmie Pass", "Walla Walla Plains", "Okanogan Highlands",
        "Whidbey Island", "Cowlitz County", "Grays Harbor", "Lake Chelan", "Tri-Cities", "Mount Baker", "San Juan Islands",
        "Klickitat Hills", "Pend Oreille", "Wahkiakum", "Ellensburg Valley", "Moses Lake", "Port Angeles", "Tacoma Narrows",
        "Bellingham Bay", "Colville Forest", "Ritzville Wheatland", "Long Beach Peninsula", "Pullman Hills", "Sequim Prairie",
        "Issaquah Highlands", "Leavenworth", "Omak Valley", "Goldendale", "Asotin Canyon", "Quincy Basin",
    ].map { place in (slug: slug(place), name: "\(place) School District") }

    /// The most districts `--districts` can ask for: the named demo district and every generated name.
    static var maximumDistricts: Int { districts.count + 1 }

    static let schoolPlaces = [
        "Alder", "Birch", "Cedar", "Douglas Fir", "Evergreen", "Fern Hill", "Garry Oak", "Hemlock", "Ironwood", "Juniper", "Kinnikinnick",
        "Larch", "Madrona", "Nootka Rose", "Oceanview", "Pine Ridge", "Quail Run", "Red Cedar", "Salal", "Tamarack", "Upland",
        "Vine Maple", "Willow Creek", "Yew", "Aspen", "Big Leaf Maple", "Cascade View", "Dogwood", "Elk Meadow", "Foothills",
        "Glacier Peak", "Huckleberry", "Indian Plum", "Lupine", "Mountain Ash", "Ninebark", "Osprey", "Prairie", "Riverbend", "Sitka",
    ]
    static let schoolKinds = ["Elementary", "Middle School", "High School"]

    /// The `number`th school of a district: every place with every kind, then again with "North", "South" and so on.
    static func school(number: Int) -> String {
        let place = schoolPlaces[number % schoolPlaces.count]
        let kind = schoolKinds[(number / schoolPlaces.count) % schoolKinds.count]
        let round = number / (schoolPlaces.count * schoolKinds.count)
        let prefix = ["", "North ", "South ", "East ", "West "][round % 5] + (round >= 5 ? "\(round / 5 + 1) " : "")
        return "\(prefix)\(place) \(kind)"
    }

    /// The generated `number`th person of a district: the demo's varied names, with an address at the district.
    static func person(number: Int, district slug: String) -> (name: String, email: String) {
        let generated = DemoNames.person(number: number)
        let local = generated.email.prefix { $0 != "@" }
        return (generated.name, "\(local)@\(slug).example")
    }

    /// "Walla Walla Plains" -> "walla-walla-plains": what `OperatorService.createOrganization` accepts.
    private static func slug(_ place: String) -> String {
        place.lowercased().map { $0.isASCII && $0.isLetter ? String($0) : "-" }.joined()
    }
}
