package io.dealgraph.deal;

/** An amount exactly as reported: never converted between currencies. */
public record Money(double amount, String currency, AmountQualifier qualifier, AmountPeriod period) {
}
