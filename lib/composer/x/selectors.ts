/**
 * Every place Checkpost reads X's (x.com, twitter.com) markup. When X changes its page, this is
 * the file to update; tests/fixtures/dom/x/ holds trimmed copies of the composers these match
 * and tests/unit/composer/x/ checks each selector against them.
 */

/**
 * Post buttons. `tweetButtonInline`: the home timeline composer and the inline reply under a
 * post. `tweetButton`: the /compose/post modal ("Post"), the reply dialog ("Reply") and a
 * thread ("Post all"). A `button` in current markup, a `div[role=button]` in older markup.
 */
export const SEND_BUTTON = '[data-testid^="tweetButton"]';

/**
 * Text editors, numbered per post of a thread: tweetTextarea_0, tweetTextarea_1, ... The
 * test id is on the contenteditable itself; `tweetTextarea_0_label` (its label wrapper) and
 * `tweetTextarea_0RichTextInputContainer` share the prefix but are not editable.
 */
export const EDITOR = '[data-testid^="tweetTextarea_"][contenteditable="true"]';

/** The modal composer (/compose/post, reply, thread). Everything in it belongs to one composer. */
export const DIALOG = '[role="dialog"]';

/**
 * The media strip of a post being composed. Previews of local files are `img` elements with a
 * `blob:` src, usually doubled by a `div` with the same blob as background-image.
 */
export const ATTACHMENTS = '[data-testid="attachments"]';

/** Media elements inside ATTACHMENTS: each must be readable or the post is held. */
export const ATTACHMENT_MEDIA = 'img, video';

/** Elements outside ATTACHMENTS that can also carry a local preview (style background-image). */
export const STYLED_PREVIEW = '[style*="blob:"]';

/** The hidden file input behind the media button; its `change` gives the chosen files early. */
export const FILE_INPUT = 'input[type="file"]';

/**
 * Fallbacks that are deliberately not X-specific, used only to notice a composer whose X
 * selectors above stopped matching, so posting is held with a banner instead of slipping past.
 */
export const ANY_EDITOR = '[contenteditable="true"][role="textbox"], [contenteditable="true"][aria-multiline="true"]';
export const ANY_BUTTON = 'button, [role="button"]';
/** Visible labels of X's publish buttons (English UI). */
export const SEND_LABEL = /^(post|post all|reply|tweet|tweet all)$/i;

/** How far up from a button or editor a composer's root may be; X nests deeply but not this deep. */
export const MAX_COMPOSER_DEPTH = 14;
