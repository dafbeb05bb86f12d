package io.leadflow.activities.routing;

/** A lead matching {@code criteria} needs a rep with {@code skill}. */
record SkillRule(String skill, Criteria criteria) {}
