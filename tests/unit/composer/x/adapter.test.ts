// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { xAdapter } from '../../../../lib/composer/x/adapter';
import { addPreview, loadFixture, typeInto } from '../load-fixture';

const only = <T>(items: T[]): T => {
  expect(items).toHaveLength(1);
  return items[0] as T;
};

describe('X adapter on saved composers', () => {
  it('finds the inline home composer and nothing in the timeline', () => {
    const doc = loadFixture('x', 'home-inline.html');
    const composer = only(xAdapter.findComposers(doc));
    expect(composer.problem).toBeUndefined();
    expect(composer.editors.map((editor) => editor.dataset.testid)).toEqual(['tweetTextarea_0']);
    expect(composer.sendButtons.map((button) => button.dataset.testid)).toEqual(['tweetButtonInline']);
    expect(composer.root.contains(doc.querySelector('[data-testid="tweet"]'))).toBe(false);
  });

  it('maps a click inside the Post button to its composer, and a timeline Reply button to nothing', () => {
    const doc = loadFixture('x', 'home-inline.html');
    const label = doc.querySelector('[data-testid="tweetButtonInline"] span span');
    const found = xAdapter.sendButtonAt(label);
    expect(found?.button.dataset.testid).toBe('tweetButtonInline');
    expect(found?.composer.editors).toHaveLength(1);
    expect(xAdapter.sendButtonAt(doc.querySelector('[data-testid="reply"]'))).toBeNull();
    expect(xAdapter.sendButtonAt(doc.querySelector('[data-testid="SideNav_NewTweet_Button"]'))).toBeNull();
  });

  it('takes the whole dialog as the modal composer', () => {
    const doc = loadFixture('x', 'compose-modal.html');
    const composer = only(xAdapter.findComposers(doc));
    expect(composer.root.getAttribute('role')).toBe('dialog');
    expect(composer.sendButtons[0]?.textContent).toBe('Post');
  });

  it('reads every editor of a thread in order, with line breaks, and one Post all button', () => {
    const doc = loadFixture('x', 'thread-modal.html');
    const composer = only(xAdapter.findComposers(doc));
    expect(composer.sendButtons.map((button) => button.textContent)).toEqual(['Post all']);
    const [first, second] = composer.editors;
    typeInto(first as Element, ['Sports day!', 'Well done everyone.']);
    typeInto(second as Element, ['More photos below']);
    const texts = xAdapter.readTexts(composer);
    expect(texts).toHaveLength(2);
    expect(texts[0]).toContain('Sports day!');
    expect(texts[0]).toContain('Well done everyone.');
    expect(texts[1]).toBe('More photos below');
  });

  it('finds the editor of a reply from a key event target inside it', () => {
    const doc = loadFixture('x', 'reply-dialog.html');
    const editor = doc.querySelector('[data-testid="tweetTextarea_0"]');
    typeInto(editor as Element, ['Thank you!']);
    const composer = xAdapter.composerOfEditor(editor?.querySelector('[data-text]') ?? null);
    expect(composer?.sendButtons[0]?.textContent).toBe('Reply');
  });

  it("lists attached previews once each, across a thread's media strips, and ignores the replied-to post's photo", () => {
    const doc = loadFixture('x', 'thread-modal.html');
    const [firstStrip, secondStrip] = doc.querySelectorAll('[data-testid="attachments"]');
    addPreview(firstStrip as Element, 'blob:https://x.com/one');
    addPreview(secondStrip as Element, 'blob:https://x.com/two');
    addPreview(secondStrip as Element, 'blob:https://x.com/three');
    const composer = only(xAdapter.findComposers(doc));
    expect(xAdapter.attachedMedia(composer)).toEqual([
      { kind: 'image', src: 'blob:https://x.com/one' },
      { kind: 'image', src: 'blob:https://x.com/two' },
      { kind: 'image', src: 'blob:https://x.com/three' },
    ]);

    const reply = loadFixture('x', 'reply-dialog.html');
    expect(xAdapter.attachedMedia(only(xAdapter.findComposers(reply)))).toEqual([]);
  });

  it('reports videos and previews it cannot read, so the guard can hold them', () => {
    const doc = loadFixture('x', 'compose-modal.html');
    const strip = doc.querySelector('[data-testid="attachments"]') as Element;
    strip.innerHTML = '<div><video src="blob:https://x.com/clip"></video></div><div><img src="https://media.example/anim.gif"></div>';
    expect(xAdapter.attachedMedia(only(xAdapter.findComposers(doc)))).toEqual([
      { kind: 'video', src: 'blob:https://x.com/clip' },
      { kind: 'image', src: 'https://media.example/anim.gif' },
    ]);
  });

  it('still recognises a composer whose Post button lost its test id, and says so', () => {
    const doc = loadFixture('x', 'broken-button.html');
    const composer = only(xAdapter.findComposers(doc));
    expect(composer.problem).toBe('no_send_button');
    const found = xAdapter.sendButtonAt(doc.querySelector('.post-button span span'));
    expect(found?.composer.problem).toBe('no_send_button');
  });

  it('still recognises a composer whose editor lost its test id, and says so', () => {
    const doc = loadFixture('x', 'broken-editor.html');
    const composer = only(xAdapter.findComposers(doc));
    expect(composer.problem).toBe('no_editor');
    expect(xAdapter.composerOfEditor(doc.querySelector('[data-testid="composerInput"]'))?.problem).toBe('no_editor');
  });
});
