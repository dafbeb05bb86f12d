package io.leadflow.api.admin;

import io.leadflow.activities.scoring.ScoringRuleBook;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The scoring rule book lives with the scoring engine (activities); the admin API edits it. */
@Configuration(proxyBeanMethods = false)
@Import(ScoringRuleBook.class)
class AdminConfiguration {}
