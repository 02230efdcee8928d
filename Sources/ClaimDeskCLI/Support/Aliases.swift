import ArgumentParser
import ClaimDeskDomain

/// The domain's input error (item, problem, fix), spelled apart from argument-parser's `ValidationError`.
typealias InputError = ClaimDeskDomain.ValidationError

/// argument-parser's error for a wrong command line; reported with a pointer to `--help`.
typealias UsageError = ArgumentParser.ValidationError
