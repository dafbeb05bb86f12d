package io.leadflow.api.input;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.format.Formatter;

/**
 * How every instant in a query parameter is read: ISO-8601 with an offset, within
 * {@link InstantRule}. Anything else is a type mismatch, answered 400 with the parameter named.
 */
class InstantParameters implements Formatter<Instant> {

  @Override
  public Instant parse(String text, Locale locale) {
    Instant instant = Instant.from(DateTimeFormatter.ISO_DATE_TIME.parse(text.strip()));
    if (!InstantRule.accepts(instant)) {
      throw new IllegalArgumentException(InstantRule.EXPECTED);
    }
    return instant;
  }

  @Override
  public String print(Instant instant, Locale locale) {
    return instant.toString();
  }
}
