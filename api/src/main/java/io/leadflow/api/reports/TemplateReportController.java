package io.leadflow.api.reports;

import java.time.Clock;
import java.time.Instant;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Replies and meetings per template version (MANAGER, ADMIN), over the leads captured in {@code [from, to)}. */
@RestController
class TemplateReportController {

  private final TemplateReportQuery templates;
  private final Clock clock = Clock.systemUTC();

  TemplateReportController(TemplateReportQuery templates) {
    this.templates = templates;
  }

  @GetMapping("/api/v1/reports/templates")
  TemplateReport templates(@RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to) {
    return templates.run(ReportPeriod.of(from, to, clock.instant()));
  }
}
