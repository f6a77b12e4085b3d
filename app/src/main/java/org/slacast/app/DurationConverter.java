package org.slacast.app;

import java.time.Duration;
import org.slacast.core.policy.Durations;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads a flag's duration: {@code 500ms}, {@code 10s}, or the policy file's forms ({@code 15m}, {@code 2d}, {@code PT8H}). */
final class DurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
        try {
            return Durations.parseSetting(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException("'" + value + "' is not a duration; write e.g. 500ms, 10s, 15m, 4h or 2d");
        }
    }
}
