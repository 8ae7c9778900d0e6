/// The highest CUDA version an NVIDIA driver supports, from its branch (the first number of its
/// version): what `nvidia-smi` prints as "CUDA Version" and `nvidia-smi -q -x` as `<cuda_version>`,
/// per NVIDIA's table of CUDA toolkits and their minimum drivers (CUDA release notes, "CUDA Toolkit
/// and Corresponding Driver Versions"; branches between releases, such as 565, report the next
/// minor). A branch newer than the table is unknown: no image is refused on a guess.
enum NvidiaDriverCUDA {
    /// Driver branch → highest CUDA version.
    static let byBranch: [Int: String] = [
        384: "9.0", 390: "9.1", 396: "9.2", 410: "10.0", 418: "10.1", 440: "10.2", 450: "11.0", 455: "11.1", 460: "11.2", 465: "11.3",
        470: "11.4", 495: "11.5", 510: "11.6", 515: "11.7", 520: "11.8", 525: "12.0", 530: "12.1", 535: "12.2", 545: "12.3",
        550: "12.4", 555: "12.5", 560: "12.6", 565: "12.7", 570: "12.8", 575: "12.9", 580: "13.0",
    ]

    /// The highest CUDA version of driver `version` ("550.54.15" → "12.4"), nil when its branch is
    /// newer than the table or unreadable. A branch between two listed ones has the older one's.
    static func maximum(forDriver version: String) -> String? {
        guard let branch = version.split(separator: ".").first.flatMap({ Int($0) }), let newest = byBranch.keys.max(),
            branch <= newest + 4
        else { return nil }
        guard let listed = byBranch.keys.filter({ $0 <= branch }).max() else { return nil }
        return byBranch[listed]
    }
}
