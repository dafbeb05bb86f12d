package io.leadflow.activities.enrichment;

import io.leadflow.workflows.Seniority;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Role and seniority read from a free-text job title ("VP of Marketing" → marketing, VP), and
 * whether it is a student's or a job seeker's. Null fields when the title says nothing.
 */
record JobTitle(String role, Seniority seniority, boolean student, boolean jobSeeker) {

  static final JobTitle UNKNOWN = new JobTitle(null, null, false, false);

  /** Most specific first: "Vice President" before "President", "Managing Director" before "Director". */
  private static final List<Map.Entry<Seniority, Pattern>> SENIORITY =
      List.of(
          Map.entry(Seniority.VP, words("vp|svp|evp|avp|vice[- ]president")),
          Map.entry(
              Seniority.C_LEVEL,
              words("chief|ceo|cto|cfo|coo|cmo|cio|ciso|cro|cpo|cdo|founder|co-?founder|owner|president|managing director|geschäftsführer")),
          Map.entry(Seniority.DIRECTOR, words("director|head of|head")),
          Map.entry(Seniority.MANAGER, words("manager|team lead|lead|supervisor")),
          Map.entry(Seniority.ENTRY, words("intern|internship|trainee|apprentice|student|werkstudent|graduate|phd candidate|junior")));

  /** First match wins, so an executive title is "executive" and "Head of IT" is "it". */
  private static final List<Map.Entry<String, Pattern>> ROLES =
      List.of(
          Map.entry("executive", words("ceo|founder|co-?founder|owner|(?<!vice[- ])president|managing director|general manager|geschäftsführer")),
          Map.entry("engineering", words("cto|engineer|engineering|developer|software|devops|architect|programmer|technology|technical|r&d")),
          Map.entry("it", words("cio|ciso|it|information technology|infrastructure|security|sysadmin|system administrator|network")),
          Map.entry("product", words("cpo|product")),
          Map.entry("marketing", words("cmo|marketing|growth|brand|demand generation|content|seo|communications")),
          Map.entry("sales", words("cro|sales|account executive|business development|bdr|sdr|revenue|account manager|partnerships")),
          Map.entry("finance", words("cfo|finance|financial|accounting|accountant|controller|treasury|procurement|purchasing")),
          Map.entry("operations", words("coo|operations|ops|supply chain|logistics")),
          Map.entry("hr", words("hr|human resources|people|talent|recruiting|recruiter")),
          Map.entry("customer success", words("customer success|support|customer service")),
          Map.entry("legal", words("legal|counsel|compliance")));

  private static final Pattern STUDENT = words("student|werkstudent|phd candidate|undergraduate");
  private static final Pattern JOB_SEEKING =
      words(
          "job seeker|job[- ]seeking|open to work|unemployed|looking for (a |an )?(job|position|role|work|internship)"
              + "|seeking (employment|opportunities|a job|a position|a role)|job application|apply(ing)? for (a |the )?(job|position|role)"
              + "|career opportunit(y|ies)|my resume|my cv|internship");

  static JobTitle parse(String title) {
    if (title == null || title.isBlank()) {
      return UNKNOWN;
    }
    String text = title.toLowerCase(Locale.ROOT);
    Seniority seniority =
        SENIORITY.stream().filter(s -> s.getValue().matcher(text).find()).map(Map.Entry::getKey).findFirst().orElse(Seniority.INDIVIDUAL);
    String role = ROLES.stream().filter(r -> r.getValue().matcher(text).find()).map(Map.Entry::getKey).findFirst().orElse(null);
    boolean student = seniority == Seniority.ENTRY && STUDENT.matcher(text).find();
    return new JobTitle(role, seniority, student, mentionsJobSeeking(text));
  }

  /** "Looking for a job", "open to work", "my CV", ... in a title or a stated interest. */
  static boolean mentionsJobSeeking(String text) {
    return text != null && JOB_SEEKING.matcher(text.toLowerCase(Locale.ROOT)).find();
  }

  private static Pattern words(String alternatives) {
    return Pattern.compile("(?<![\\p{L}\\d])(" + alternatives + ")(?![\\p{L}\\d])");
  }
}
