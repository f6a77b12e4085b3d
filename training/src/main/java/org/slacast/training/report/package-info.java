/**
 * The evaluation report for managers: one self-contained HTML file with embedded SVG charts (XChart), plus the
 * same content as JSON and Markdown.
 */
package org.slacast.training.report;
