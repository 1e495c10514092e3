package dev.dialtone.console;

import dev.dialtone.http.Reply;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

/**
 * Renders the console's jte templates, compiled to Java classes by the build: nothing is parsed at
 * start-up, and every {@code ${…}} is HTML-escaped for where it stands (text, attribute, URL).
 */
public final class Templates {
  private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

  /** {@code template} (a path under {@code src/main/jte}) rendered with its one parameter. */
  public Reply page(int status, String template, Object model) {
    StringOutput out = new StringOutput();
    engine.render(template, model, out);
    return Reply.html(status, out.toString())
        // Pages show account data: no shared cache keeps them, and Back shows them fresh.
        .withHeader("Cache-Control", "no-store");
  }

  public Reply page(String template, Object model) {
    return page(200, template, model);
  }
}
