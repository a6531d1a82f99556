internal import CGSL

/// The random numbers of one Monte Carlo draw: a GSL Mersenne Twister (`gsl_rng_mt19937`) of its own,
/// seeded from the run's seed and the draw's number.
///
/// The `gsl_rng` is allocated in `init` and freed in `deinit`; no GSL pointer leaves this type. A stream
/// belongs to one draw on one thread (it is not `Sendable`): draws never share a generator, so what a draw
/// gets does not depend on which thread runs it or on how many there are.
final class RandomStream {
    private let generator: UnsafeMutablePointer<gsl_rng>

    /// A generator seeded with `seed` (GSL's MT19937 uses the low 32 bits; 0 is GSL's default seed 4357).
    public init(seed: UInt32) throws(GSLError) {
        GSL.prepare()
        guard let generator = gsl_rng_alloc(seatplan_rng_mt19937()) else {
            throw GSLError(status: Int32(GSL_ENOMEM), routine: "gsl_rng_alloc", message: "no memory for a generator")
        }
        gsl_rng_set(generator, UInt(seed))
        self.generator = generator
    }

    /// The generator of draw `draw` (0-based) of a run seeded with `seed`: see `drawSeed(run:draw:)`.
    public convenience init(run seed: UInt64, draw: Int) throws(GSLError) {
        try self.init(seed: Self.drawSeed(run: seed, draw: draw))
    }

    deinit {
        gsl_rng_free(generator)
    }

    /// A standard normal number, `N(0, 1)` (`gsl_ran_gaussian` with σ = 1).
    public func gaussian() -> Double {
        gsl_ran_gaussian(generator, 1)
    }

    /// A standard normal number by Marsaglia and Tsang's ziggurat (`gsl_ran_gaussian_ziggurat`): the same
    /// distribution as `gaussian()` from about one uniform number and no logarithm in most calls, for the
    /// backtest's ranges, which draw millions (`DrawnErrors`); a different sequence for the same seed.
    public func ziggurat() -> Double {
        gsl_ran_gaussian_ziggurat(generator, 1)
    }

    /// A uniform number in `[0, 1)` (`gsl_rng_uniform`).
    public func uniform() -> Double {
        gsl_rng_uniform(generator)
    }

    // MARK: Seeds

    /// The seed of draw `draw` of a run seeded with `seed`:
    /// `fmix32(low32(SplitMix64(seed)) + draw mod 2³²)`.
    ///
    /// SplitMix64 spreads neighbouring run seeds (1, 2, 3 …) far apart; adding the draw number gives every
    /// draw of a run a different 32-bit value (MT19937 takes 32-bit seeds, so a hash of seed and draw would
    /// repeat a draw now and then: about once in 100 runs of 10,000 draws); MurmurHash3's finaliser
    /// `fmix32`, a bijection, scatters consecutive values so that draws 0, 1, 2 … do not get neighbouring
    /// seeds. Two runs with different seeds share a draw only if their SplitMix64 values fall within the
    /// number of draws of each other (odds about `N / 2³¹`).
    public static func drawSeed(run seed: UInt64, draw: Int) -> UInt32 {
        let base = UInt32(truncatingIfNeeded: splitMix64(seed))
        return fmix32(base &+ UInt32(truncatingIfNeeded: draw))
    }

    /// SplitMix64 (Steele, Lea & Flood 2014): one step of the generator from state `x`.
    public static func splitMix64(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// MurmurHash3's 32-bit finaliser: a bijection of `UInt32` with good avalanche.
    public static func fmix32(_ x: UInt32) -> UInt32 {
        var h = x
        h ^= h >> 16
        h = h &* 0x85EB_CA6B
        h ^= h >> 13
        h = h &* 0xC2B2_AE35
        h ^= h >> 16
        return h
    }
}

/// SplitMix64 as a Swift `RandomNumberGenerator`: a small sequence that depends only on its seed, for
/// repeatable property tests and generated inputs (draws use `RandomStream`).
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        defer { state &+= 0x9E37_79B9_7F4A_7C15 }
        return RandomStream.splitMix64(state)
    }
}
