package io.leadflow.activities.routing;

/** A lead that {@code match} covers needs a rep with {@code skill} (table {@code skill_rule}). */
public record SkillRule(String skill, Criteria match) {}
