package io.vitrum.core.plant;

/**
 * Why one reading was not accepted, with a stable machine-readable {@code code} and a sentence for
 * people. Codes: {@code not-finite}, {@code below-physical-min}, {@code above-physical-max}, {@code
 * timestamp-in-future}, {@code not-newer-than-last}, {@code not-configured}.
 */
public record ReadingRejection(String code, String reason) {}
