/// Births of one district by calendar year: the listed ones, and beyond the last listed year the
/// fitted trend (MODEL.md, Demand item 4).
public struct BirthsSeries: Sendable {
    public var listed: [Int: Double]
    public var method: BirthsTrend
    /// The fit, when births must be projected (`nil` for `given`, or with no year to project).
    public var fit: BirthsTrendFit?
    /// Years past the last listed one the trend runs; later years keep the value it reached (`nil`: no limit).
    public var extend: Int?

    public var firstListedYear: Int? { listed.keys.min() }
    public var lastListedYear: Int? { listed.keys.max() }

    /// `births(year)`: listed, or projected by the trend after the last listed year (never negative), held
    /// at the value of `last + extend` after it; `nil` when neither (before the first listed year, or
    /// missing with `given`).
    public func births(in year: Int) -> Double? {
        if let value = listed[year] { return value }
        guard let last = lastListedYear, year > last, let fit else { return nil }
        return fit.projected(trendYear(year))
    }

    /// The year whose trend value stands for `year` (`BirthsTrendFit.trendYear`).
    public func trendYear(_ year: Int) -> Int {
        guard let extend, let last = lastListedYear else { return year }
        return BirthsTrendFit.trendYear(year, lastListed: last, extend: extend)
    }
}

/// A least-squares trend of births over the last `fit_window` listed years.
///
/// - `linear`: `b = c0 + c1·year` (`gsl_fit_linear`)
/// - `exponential`: `ln b = c0 + c1·year`, so `b = exp(c0 + c1·year)` (`gsl_fit_linear` on `ln b`)
/// - `constant`: `b = c0`, the mean of the window; its standard error is `sd / √n`
/// Projected births are clamped at 0.
public struct BirthsTrendFit: Sendable {
    public var method: BirthsTrend
    public var years: [Int]
    public var births: [Double]
    public var c0: Double
    public var c1: Double
    public var c0StandardError: Double?
    public var c1StandardError: Double?
    public var rSquared: Double?

    public func projected(_ year: Int) -> Double {
        let value: Double
        switch method {
        case .linear: value = c0 + c1 * Double(year)
        case .exponential: value = Foundation.exp(c0 + c1 * Double(year))
        case .constant, .given: value = c0
        }
        return value.isFinite ? max(0, value) : 0
    }

    /// The year whose trend value stands for `year` when the trend runs `extend` years past the last listed
    /// birth year and is held after: `min(year, lastListed + extend)` (MODEL.md, Demand item 4).
    public static func trendYear(_ year: Int, lastListed: Int, extend: Int) -> Int {
        Swift.min(year, lastListed + extend)
    }

    /// The births of `year` from this trend, held after `extend` years past `lastListed`.
    public func projected(_ year: Int, lastListed: Int, extend: Int) -> Double {
        projected(Self.trendYear(year, lastListed: lastListed, extend: extend))
    }

    /// A fit with the years it runs (`projected(_:lastListed:extend:)`).
    struct Held: Sendable {
        var fit: BirthsTrendFit
        var extend: Int
    }

    /// The smallest number of listed years each method needs.
    public static func minimumYears(for method: BirthsTrend) -> Int {
        switch method {
        case .linear, .exponential: return 2
        case .constant, .given: return 1
        }
    }

    /// Fits the trend over the newest `window` of the listed births.
    public static func fit(_ listed: [Int: Double], method: BirthsTrend, window: Int) throws(GSLError) -> BirthsTrendFit {
        let years = listed.keys.sorted()
        return try fit(years: years[...], births: years.map { listed[$0] ?? 0 }[...], method: method, window: window)
    }

    /// The same over births already in year order (`years` ascending, `births` beside them): what a caller
    /// fitting many prefixes of one series uses, sorting once.
    static func fit(years allYears: ArraySlice<Int>, births allBirths: ArraySlice<Double>, method: BirthsTrend,
                    window: Int) throws(GSLError) -> BirthsTrendFit {
        let years = Array(allYears.suffix(max(window, 1)))
        let births = Array(allBirths.suffix(max(window, 1)))
        let xs = years.map(Double.init)
        switch method {
        case .linear:
            let line = try GSL.fitLinear(x: xs, y: births)
            return BirthsTrendFit(method: method, years: years, births: births, c0: line.c0, c1: line.c1,
                                  c0StandardError: line.c0StandardError, c1StandardError: line.c1StandardError,
                                  rSquared: line.rSquared)
        case .exponential:
            guard births.allSatisfy({ $0 > 0 }) else {
                throw GSLError(status: 1, routine: "exponential births fit", message: "ln b needs births above 0")
            }
            let line = try GSL.fitLinear(x: xs, y: births.map { Foundation.log($0) })
            return BirthsTrendFit(method: method, years: years, births: births, c0: line.c0, c1: line.c1,
                                  c0StandardError: line.c0StandardError, c1StandardError: line.c1StandardError,
                                  rSquared: line.rSquared)
        case .constant, .given:
            let mean = try GSL.mean(births)
            let se = GSL.standardDeviation(births).map { $0 / Double(births.count).squareRoot() }
            return BirthsTrendFit(method: method, years: years, births: births, c0: mean, c1: 0,
                                  c0StandardError: se, c1StandardError: nil, rSquared: nil)
        }
    }
}

import Foundation
