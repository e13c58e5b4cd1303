import Foundation
import Testing
import TrellisCore

@Suite struct SignInThrottleTests {
    let start = Date(timeIntervalSince1970: 1_800_000_000)
    let rule = SignInThrottle(freeFailures: 3, lockAfter: 6, lockDuration: 900, maxDelay: 30, window: 900)

    func failing(_ times: Int, every seconds: TimeInterval = 60) -> (ThrottleState, Date) {
        var state = ThrottleState(), now = start
        for _ in 0..<times {
            state = rule.recordingFailure(state, now: now)
            now = now.addingTimeInterval(seconds)
        }
        return (state, now.addingTimeInterval(-seconds))
    }

    @Test func allowsTheFirstFewFailures() {
        // setup
        let (state, last) = failing(2)
        // run + check
        #expect(rule.decide(state, now: last) == .allow)
    }

    @Test func slowsDownAfterFreeFailuresWithGrowingWaits() {
        // setup
        let (three, at3) = failing(3)
        let (four, at4) = failing(4)
        // run + check: 1 s after the third failure, 2 s after the fourth
        #expect(rule.decide(three, now: at3) == .wait(seconds: 1))
        #expect(rule.decide(three, now: at3.addingTimeInterval(1)) == .allow)
        #expect(rule.decide(four, now: at4) == .wait(seconds: 2))
        #expect(rule.decide(four, now: at4.addingTimeInterval(2.5)) == .allow)
    }

    @Test func locksAfterManyFailuresAndUnlocksLater() {
        // setup
        let (state, last) = failing(6)
        // run + check
        #expect(rule.decide(state, now: last.addingTimeInterval(60)) == .locked(until: last.addingTimeInterval(900)))
        #expect(rule.decide(state, now: last.addingTimeInterval(901)) == .allow)
    }

    @Test func forgetsOldFailures() {
        // setup
        let (state, last) = failing(5)
        // run + check: after the window, a new failure starts counting from one
        let later = last.addingTimeInterval(1000)
        #expect(rule.decide(state, now: later) == .allow)
        #expect(rule.recordingFailure(state, now: later).failures == 1)
    }

    @Test func aReservedAttemptIsJudgedOnTheAttemptsBeforeIt() {
        // setup: the store counted this attempt, so the fourth reservation carries four
        let third = ThrottleState(failures: 3, lastFailureAt: start)
        let fourth = ThrottleState(failures: 4, lastFailureAt: start)
        // run + check: three free attempts, the fourth must wait for the first finished failure plus one second
        #expect(rule.decide(reserved: third, now: start) == .allow)
        #expect(rule.decide(reserved: fourth, now: start) == .wait(seconds: 1))
        #expect(rule.decide(reserved: fourth, now: start.addingTimeInterval(1)) == .allow)
        #expect(rule.decide(reserved: ThrottleState(failures: 1, lockedUntil: start.addingTimeInterval(60)), now: start)
                == .locked(until: start.addingTimeInterval(60)))
    }

    @Test func theFailureThatReachesTheLimitLocks() {
        // run + check
        #expect(rule.lock(afterFailing: ThrottleState(failures: 5), now: start) == nil)
        #expect(rule.lock(afterFailing: ThrottleState(failures: 6), now: start) == start.addingTimeInterval(900))
        #expect(rule.forgetsFailures(before: start) == start.addingTimeInterval(-900))
    }
}
