package org.slacast.app;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.slacast.core.ticket.TimeRange;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads an {@code --as-of}: an ISO-8601 instant ({@code 2026-03-01T09:00:00Z}) or a date (its start, UTC). */
final class InstantConverter implements ITypeConverter<Instant> {
    @Override
    public Instant convert(String value) {
        String v = value.strip();
        Instant at;
        try {
            at = v.length() == 10 ? LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            throw new TypeConversionException("'" + value + "' is not an instant such as 2026-03-01T09:00:00Z or a "
                    + "date such as 2026-03-01");
        }
        if (!TimeRange.accepts(at)) {
            throw new TypeConversionException("'" + value + "' is not " + TimeRange.phrase());
        }
        return at;
    }
}
