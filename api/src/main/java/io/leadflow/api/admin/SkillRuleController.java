package io.leadflow.api.admin;

import io.leadflow.activities.routing.Criteria;
import io.leadflow.activities.routing.SkillRule;
import io.leadflow.activities.routing.SkillRuleStore;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Skill rules (ADMIN): a lead matching a skill's criteria goes to the territory members who have
 * that skill (e.g. {@code german} for DE, AT, CH). A rule needs at least one criterion.
 */
@RestController
@RequestMapping("/api/v1/admin/skill-rules")
class SkillRuleController {

  private final SkillRuleStore skills;

  SkillRuleController(SkillRuleStore skills) {
    this.skills = skills;
  }

  @GetMapping
  List<SkillRule> all() {
    return skills.all();
  }

  /** 201 when the skill is new, 200 when its criteria were replaced. */
  @PutMapping("/{skill}")
  ResponseEntity<SkillRule> save(
      @PathVariable String skill,
      @Valid @RequestBody Criteria match) {
    AdminIds.checked(skill);
    if (match.coversEveryLead()) {
      throw AdminProblems.invalid(Map.of("match", "give at least one criterion, or every lead would need this skill"));
    }
    SkillRule rule = new SkillRule(skill, match);
    boolean created = skills.save(rule);
    return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK).body(rule);
  }

  @DeleteMapping("/{skill}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void delete(@PathVariable String skill) {
    if (!skills.delete(skill)) {
      throw AdminProblems.notFound("skill rule", skill);
    }
  }
}
