package io.leadflow.activities.enrichment;

import java.util.Locale;
import java.util.Set;

/** Email domains anyone can sign up for: they say nothing about the lead's company. */
public final class FreeMail {

  private static final Set<String> DOMAINS =
      Set.of(
          "gmail.com", "googlemail.com", "yahoo.com", "outlook.com", "hotmail.com", "live.com",
          "icloud.com", "me.com", "aol.com", "proton.me", "protonmail.com", "gmx.com", "gmx.de",
          "web.de", "mail.com", "yandex.com");

  private FreeMail() {}

  /** The lower-case domain of an email address, or null when there is none. */
  public static String domainOf(String email) {
    if (email == null || email.indexOf('@') < 0) {
      return null;
    }
    String domain = email.substring(email.lastIndexOf('@') + 1).strip().toLowerCase(Locale.ROOT);
    return domain.isEmpty() ? null : domain;
  }

  public static boolean isFreeMail(String email) {
    String domain = domainOf(email);
    return domain != null && DOMAINS.contains(domain);
  }
}
