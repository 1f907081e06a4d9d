@NullMarked
package dev.crawler.cli.export;

import org.jspecify.annotations.NullMarked;
