/**
 * What the plan export reads: a snapshot of one plan with its subjects' whole trees and its overrides. These
 * records are the export's own input, free of any assumption about how the content read model stores nodes;
 * the pipeline maps the read model onto them.
 */
package com.memora.projection.export.content;
