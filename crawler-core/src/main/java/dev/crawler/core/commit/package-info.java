@NullMarked
package dev.crawler.core.commit;

import org.jspecify.annotations.NullMarked;
