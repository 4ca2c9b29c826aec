// wagtail-localize's translation editor writes two texts into its JavaScript without gettext:
// the heading "<source> to <target> translation" and the screen-reader text "More actions".
// This script puts the admin language's texts (given by the server on the script tag) in
// their place, also when the editor draws them again.
(function () {
  const script = document.currentScript;
  const labels = script.dataset;
  const HEADING = /^(.+) to (.+) translation$/;

  function relabel(root) {
    root.querySelectorAll('section h3').forEach((heading) => {
      const match = heading.textContent.match(HEADING);
      if (match) {
        heading.textContent = labels.heading
          .replace('{source}', match[1])
          .replace('{target}', match[2]);
      }
    });
    root.querySelectorAll('.w-dropdown__toggle .w-sr-only').forEach((text) => {
      if (text.textContent === 'More actions') {
        text.textContent = labels.moreActions;
      }
    });
  }

  function start() {
    const editor = document.querySelector('.js-translation-editor');
    if (!editor) {
      return;
    }
    relabel(editor);
    new MutationObserver(() => relabel(editor)).observe(editor, {
      childList: true,
      subtree: true,
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
