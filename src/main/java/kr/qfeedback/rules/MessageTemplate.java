package kr.qfeedback.rules;

import java.util.List;
import kr.qfeedback.feedback.Link;

/** A section's Korean title and body with {placeholders}, and its links, as staff wrote them. */
public record MessageTemplate(String title, String body, List<Link> links) {
    public MessageTemplate {
        links = List.copyOf(links);
    }
}
