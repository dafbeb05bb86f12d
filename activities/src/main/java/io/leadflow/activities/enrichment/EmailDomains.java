package io.leadflow.activities.enrichment;

import io.leadflow.workflows.EmailKind;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What an email's domain says about its owner, from the lists in {@code enrichment/*.txt}:
 * disposable inbox, free-mail, school or university (also by suffix: .edu, .edu.au, .ac.uk, ...),
 * else a business.
 */
public final class EmailDomains {

  private static final Set<String> FREE_MAIL = load("free-mail-domains.txt");
  private static final Set<String> DISPOSABLE = load("disposable-domains.txt");
  private static final Set<String> ACADEMIC = load("academic-domains.txt");

  private EmailDomains() {}

  /** The lower-case domain of an email address, or null when there is none. */
  public static String domainOf(String email) {
    if (email == null || email.indexOf('@') < 0) {
      return null;
    }
    String domain = email.substring(email.lastIndexOf('@') + 1).strip().toLowerCase(Locale.ROOT);
    return domain.isEmpty() ? null : domain;
  }

  /**
   * The business domain of a company website as a form gives it ("https://www.acme.com/about",
   * "acme.com"): its host without {@code www.}; null when there is none or it is a free-mail,
   * disposable or school domain (a person typing gmail.com as their website names no company).
   */
  public static String domainOfWebsite(String website) {
    if (website == null || website.isBlank()) {
      return null;
    }
    String text = website.strip();
    String host;
    try {
      host = URI.create(text.contains("://") ? text : "https://" + text).getHost();
    } catch (IllegalArgumentException notAnAddress) {
      return null;
    }
    if (host == null || host.indexOf('.') < 0) {
      return null;
    }
    String domain = host.toLowerCase(Locale.ROOT);
    domain = domain.startsWith("www.") ? domain.substring(4) : domain;
    return kindOf("someone@" + domain) == EmailKind.BUSINESS ? domain : null;
  }

  /** The domain and its parents, most specific first: eu.acme.com, acme.com. */
  public static List<String> withParents(String domain) {
    List<String> domains = new ArrayList<>();
    for (String d = domain; d != null && d.indexOf('.') > 0; d = d.substring(d.indexOf('.') + 1)) {
      domains.add(d);
    }
    return domains;
  }

  /** Null when there is no address. */
  public static EmailKind kindOf(String email) {
    String domain = domainOf(email);
    if (domain == null) {
      return null;
    }
    if (matches(DISPOSABLE, domain)) {
      return EmailKind.DISPOSABLE;
    }
    if (FREE_MAIL.contains(domain)) {
      return EmailKind.FREE_MAIL;
    }
    if (isAcademic(domain)) {
      return EmailKind.STUDENT;
    }
    return EmailKind.BUSINESS;
  }

  private static boolean isAcademic(String domain) {
    String[] labels = domain.split("\\.");
    int last = labels.length - 1;
    if (labels[last].equals("edu")) {
      return true;
    }
    boolean countrySuffix = last >= 2 && labels[last].length() == 2;
    return (countrySuffix && (labels[last - 1].equals("edu") || labels[last - 1].equals("ac")))
        || matches(ACADEMIC, domain)
        || labels[0].equals("student")
        || labels[0].equals("students");
  }

  /** The domain itself or any parent of it is listed. */
  private static boolean matches(Set<String> listed, String domain) {
    return withParents(domain).stream().anyMatch(listed::contains);
  }

  private static Set<String> load(String file) {
    try (InputStream in = EmailDomains.class.getResourceAsStream("/enrichment/" + file)) {
      if (in == null) {
        throw new IllegalStateException("enrichment/" + file + " is missing from the classpath");
      }
      try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        return reader
            .lines()
            .map(String::strip)
            .filter(line -> !line.isEmpty() && !line.startsWith("#"))
            .map(line -> line.toLowerCase(Locale.ROOT))
            .collect(Collectors.toUnmodifiableSet());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
