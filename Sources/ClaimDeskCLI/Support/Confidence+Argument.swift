import ArgumentParser
import ClaimDeskDomain

extension Confidence: ExpressibleByArgument {}
