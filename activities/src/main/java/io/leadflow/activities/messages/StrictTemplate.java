package io.leadflow.activities.messages;

import com.samskivert.mustache.Escapers;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One part of a message template (Mustache, by JMustache), checked before it is ever used: every
 * tag names a known placeholder, sections close in order, and nothing the engine could do beyond
 * placeholders and sections (partials, delimiter changes, template inheritance) is allowed. HTML
 * parts escape every value and may not print one unescaped ({@code {{{x}}}}, {@code {{&x}}}).
 * JMustache reports a syntax error by line only, so the tags are read here first to name the
 * column too.
 */
public final class StrictTemplate {

  private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]*");
  private static final Pattern ENGINE_LINE = Pattern.compile("@ line (\\d+)");

  private static final Mustache.Compiler PLAIN =
      Mustache.compiler().escapeHTML(false).emptyStringIsFalse(true).strictSections(true);
  private static final Mustache.Compiler HTML =
      Mustache.compiler().withEscaper(Escapers.HTML).emptyStringIsFalse(true).strictSections(true);

  private final Template template;

  private StrictTemplate(Template template) {
    this.template = template;
  }

  /** Checks and compiles {@code source}, the part named {@code field}; HTML parts escape values. */
  public static StrictTemplate compile(String field, String source, Set<String> names, boolean html) {
    checkTags(field, source, names, html);
    try {
      return new StrictTemplate((html ? HTML : PLAIN).compile(source));
    } catch (MustacheException e) {
      Matcher line = ENGINE_LINE.matcher(String.valueOf(e.getMessage()));
      throw new InvalidTemplate(field, line.find() ? Integer.parseInt(line.group(1)) : 1, 1, String.valueOf(e.getMessage()));
    }
  }

  /** The part with {@code values}, which must hold every placeholder (empty when unknown). */
  public String render(Map<String, String> values) {
    return template.execute(values);
  }

  private static void checkTags(String field, String source, Set<String> names, boolean html) {
    Deque<Tag> open = new ArrayDeque<>();
    int at = source.indexOf("{{");
    while (at >= 0) {
      boolean triple = source.startsWith("{{{", at);
      String closing = triple ? "}}}" : "}}";
      int end = source.indexOf(closing, at + (triple ? 3 : 2));
      if (end < 0) {
        throw problem(field, source, at, "the tag is not closed with " + closing);
      }
      String inside = source.substring(at + (triple ? 3 : 2), end).strip();
      Tag tag = new Tag(triple ? '{' : sigil(inside), triple || sigil(inside) == ' ' ? inside : inside.substring(1).strip(), at);
      checkTag(field, source, tag, names, html, open);
      at = source.indexOf("{{", end + closing.length());
    }
    if (!open.isEmpty()) {
      Tag unclosed = open.peek();
      throw problem(field, source, unclosed.at(), "section '" + unclosed.name() + "' is never closed with {{/" + unclosed.name() + "}}");
    }
  }

  private static void checkTag(String field, String source, Tag tag, Set<String> names, boolean html, Deque<Tag> open) {
    switch (tag.kind()) {
      case '!' -> {
        return;
      }
      case '>', '<', '$', '=' -> throw problem(field, source, tag.at(), "only placeholders and sections are allowed, not {{" + tag.kind() + "…}}");
      default -> {}
    }
    if (tag.name().isEmpty()) {
      throw problem(field, source, tag.at(), "the tag names no placeholder");
    }
    if (!NAME.matcher(tag.name()).matches() || !names.contains(tag.name())) {
      throw problem(field, source, tag.at(), "unknown placeholder '" + tag.name() + "'; known: " + String.join(", ", names.stream().sorted().toList()));
    }
    switch (tag.kind()) {
      case '#', '^' -> open.push(tag);
      case '/' -> {
        if (open.isEmpty()) {
          throw problem(field, source, tag.at(), "{{/" + tag.name() + "}} closes no open section");
        }
        Tag opened = open.pop();
        if (!opened.name().equals(tag.name())) {
          throw problem(field, source, tag.at(), "{{/" + tag.name() + "}} closes section '" + opened.name() + "'");
        }
      }
      case '{', '&' -> {
        if (html) {
          throw problem(field, source, tag.at(), "HTML escapes every value: use {{" + tag.name() + "}}");
        }
      }
      default -> {}
    }
  }

  private static char sigil(String inside) {
    return !inside.isEmpty() && "#^/!&><$=".indexOf(inside.charAt(0)) >= 0 ? inside.charAt(0) : ' ';
  }

  private static InvalidTemplate problem(String field, String source, int offset, String reason) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < offset; i++) {
      if (source.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return new InvalidTemplate(field, line, offset - lineStart + 1, reason);
  }

  private record Tag(char kind, String name, int at) {}
}
