package io.leadflow.activities.messages;

import io.leadflow.workflows.Channel;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Versioned message templates in PostgreSQL (table {@code message_template}), like cadence
 * definitions: saving adds the next version of a name and never changes one. A name nobody saved
 * yet is its built-in default ({@link BuiltInTemplates}) as version 1; the first save of such a
 * name stores that default as version 1 and the new one as version 2. A lead's touches send the
 * versions its playbook pinned ({@code TemplatePins}); the newest when none was.
 */
@Repository
public class MessageTemplateStore {

  private final JdbcClient jdbc;
  private final TransactionTemplate transaction;
  private final String optOutHint;

  MessageTemplateStore(
      JdbcClient jdbc,
      TransactionTemplate transaction,
      @Value("${leadflow.compliance.sms-opt-out-hint:Reply STOP to opt out.}") String optOutHint) {
    this.jdbc = jdbc;
    this.transaction = transaction;
    this.optOutHint = optOutHint.strip();
  }

  /**
   * Checks the template and stores it as the next version of {@code name} for {@code channel}.
   * Refuses ({@link InvalidTemplate}) an unknown placeholder, a syntax error, or a text longer than
   * {@link SmsLength#MAX_SEGMENTS} segments / {@link SmsLength#MAX_CHARACTERS} characters with
   * sample values and the opt-out hint a first text carries ({@code leadflow.compliance.sms-opt-out-hint}).
   */
  public SavedTemplate save(Channel channel, String name, String subject, String html, String text) {
    if (channel != Channel.SMS && channel != Channel.EMAIL) {
      throw new IllegalArgumentException("Templates are for SMS and EMAIL, not " + channel);
    }
    MessageTemplate draft = new MessageTemplate(channel, name, 0, subject, html, text, null);
    draft.check();
    String sample = channel == Channel.SMS ? draft.renderText(SampleValues.of(channel)).strip() : null;
    SmsLength length = sample == null ? null : SmsLength.of(sample);
    SmsLength withHint = sample == null ? null : SmsLength.of(OptOutHintText.withHint(sample, optOutHint));
    if (withHint != null && withHint.tooLong()) {
      throw new InvalidTemplate(
          "text",
          "too long for a text: " + describe(length) + "; with the opt-out hint a first text carries, " + describe(withHint)
              + "; at most " + SmsLength.MAX_CHARACTERS + " characters and " + SmsLength.MAX_SEGMENTS + " segments");
    }
    MessageTemplate saved =
        transaction.execute(
            status -> {
              jdbc.sql("select pg_advisory_xact_lock(hashtext('message_template'), hashtext(:key))")
                  .param("key", channel.name() + "/" + name)
                  .query()
                  .singleRow();
              if (stored(channel, name).isEmpty()) {
                BuiltInTemplates.find(channel, name).ifPresent(this::insert);
              }
              return insert(draft);
            });
    return new SavedTemplate(saved, length, withHint);
  }

  private static String describe(SmsLength length) {
    return length.characters() + " characters, " + length.segments() + " segments (" + length.encoding() + ")";
  }

  /** The version sends use: the newest stored, else the built-in default. */
  public Optional<MessageTemplate> newest(Channel channel, String name) {
    return stored(channel, name).or(() -> BuiltInTemplates.find(channel, name));
  }

  /** One version of a name; version 1 of a name nobody saved yet is its built-in default. */
  public Optional<MessageTemplate> version(Channel channel, String name, int version) {
    Optional<MessageTemplate> stored =
        jdbc.sql("select * from message_template where channel = ? and name = ? and version = ?")
            .param(channel.name())
            .param(name)
            .param(version)
            .query(MessageTemplateStore::row)
            .optional();
    return stored.isPresent() || version != 1 || stored(channel, name).isPresent() ? stored : BuiltInTemplates.find(channel, name);
  }

  /** The newest version number of each of {@code names} that exists on {@code channel}, stored or built in. */
  public Map<String, Integer> newestVersions(Channel channel, Collection<String> names) {
    Map<String, Integer> versions = new TreeMap<>();
    jdbc.sql("select name, max(version) as version from message_template where channel = ? and name = any(?) group by name")
        .param(channel.name())
        .param(names.toArray(String[]::new))
        .query((row, i) -> versions.put(row.getString("name"), row.getInt("version")))
        .list();
    names.stream()
        .filter(name -> !versions.containsKey(name))
        .forEach(name -> BuiltInTemplates.find(channel, name).ifPresent(builtIn -> versions.put(name, builtIn.version())));
    return versions;
  }

  /** Every version of {@code name}, both channels, oldest first; a built-in default nobody replaced is version 1. */
  public List<MessageTemplate> versions(String name) {
    List<MessageTemplate> versions = new ArrayList<>();
    for (Channel channel : List.of(Channel.SMS, Channel.EMAIL)) {
      List<MessageTemplate> stored =
          jdbc.sql("select * from message_template where channel = ? and name = ? order by version")
              .param(channel.name())
              .param(name)
              .query(MessageTemplateStore::row)
              .list();
      versions.addAll(stored.isEmpty() ? BuiltInTemplates.find(channel, name).stream().toList() : stored);
    }
    return versions;
  }

  /** The newest version of every name, stored or built in, by channel and name. */
  public List<MessageTemplate> all() {
    List<MessageTemplate> newest =
        new ArrayList<>(
            jdbc.sql(
                    """
                    select distinct on (channel, name) * from message_template
                    order by channel, name, version desc
                    """)
                .query(MessageTemplateStore::row)
                .list());
    for (Channel channel : List.of(Channel.SMS, Channel.EMAIL)) {
      BuiltInTemplates.all(channel).stream()
          .filter(builtIn -> newest.stream().noneMatch(t -> t.channel() == channel && t.name().equals(builtIn.name())))
          .forEach(newest::add);
    }
    newest.sort(Comparator.comparing(MessageTemplate::channel).thenComparing(MessageTemplate::name));
    return newest;
  }

  private Optional<MessageTemplate> stored(Channel channel, String name) {
    return jdbc.sql("select * from message_template where channel = ? and name = ? order by version desc limit 1")
        .param(channel.name())
        .param(name)
        .query(MessageTemplateStore::row)
        .optional();
  }

  private MessageTemplate insert(MessageTemplate template) {
    return jdbc.sql(
            """
            insert into message_template (channel, name, version, subject, html, text)
            values (:channel, :name,
                    (select coalesce(max(version), 0) + 1 from message_template where channel = :channel and name = :name),
                    :subject, :html, :text)
            returning *
            """)
        .param("channel", template.channel().name())
        .param("name", template.name())
        .param("subject", template.subject())
        .param("html", template.html())
        .param("text", template.text())
        .query(MessageTemplateStore::row)
        .single();
  }

  private static MessageTemplate row(ResultSet row, int i) throws SQLException {
    return new MessageTemplate(
        Channel.valueOf(row.getString("channel")),
        row.getString("name"),
        row.getInt("version"),
        row.getString("subject"),
        row.getString("html"),
        row.getString("text"),
        row.getTimestamp("created_at").toInstant());
  }
}
