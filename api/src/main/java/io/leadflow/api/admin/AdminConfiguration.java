package io.leadflow.api.admin;

import io.leadflow.activities.routing.AccountStore;
import io.leadflow.activities.routing.RepStore;
import io.leadflow.activities.routing.SkillRuleStore;
import io.leadflow.activities.routing.TerritoryStore;
import io.leadflow.activities.scoring.ScoringRuleBook;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The scoring rule book lives with the scoring engine, routing's stores with the routing engine
 * (activities); the admin API edits them.
 */
@Configuration(proxyBeanMethods = false)
@Import({ScoringRuleBook.class, RepStore.class, TerritoryStore.class, SkillRuleStore.class, AccountStore.class})
class AdminConfiguration {}
