/* "Is this page useful?" answered in place. Progressive enhancement only:
   without this file the buttons lead to a small page that sends the answer.
   The page itself carries no CSRF token (it may be cached for everyone), so
   the token is fetched from the widget's token address just before sending;
   see pagefeedback/views.py. */
(function () {
  "use strict";
  if (!window.fetch || !window.FormData || !window.Promise || !document.querySelector) return;
  var box = document.querySelector("[data-page-feedback]");
  if (!box) return;
  var question = box.querySelector("[data-page-feedback-question]");
  var commentForm = box.querySelector("[data-page-feedback-comment]");
  var status = box.querySelector("[data-page-feedback-status]");
  if (!question || !commentForm || !status) return;
  var voteUrl = box.getAttribute("data-vote-url");
  var tokenUrl = box.getAttribute("data-token-url");
  var pageId = question.elements.page.value;
  var token = null;
  var answer = null;

  function getToken() {
    if (token) return Promise.resolve(token);
    return fetch(tokenUrl, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) {
        if (!response.ok) throw new Error("token");
        return response.json();
      })
      .then(function (data) {
        token = data.csrfToken;
        return token;
      });
  }

  function send(data) {
    return getToken()
      .then(function (csrf) {
        return fetch(voteUrl, {
          method: "POST",
          credentials: "same-origin",
          headers: { Accept: "application/json", "X-CSRFToken": csrf },
          body: data
        });
      })
      .then(function (response) {
        if (response.status === 403) throw new Error("csrf");
        return response.json();
      });
  }

  // Whatever goes wrong, the page without JavaScript still works.
  function fallback(choice) {
    window.location.href = voteUrl + "?page=" + encodeURIComponent(pageId) + "&answer=" + encodeURIComponent(choice);
  }

  function say(message) {
    status.textContent = message;
    status.hidden = false;
  }

  question.addEventListener("click", function (event) {
    var target = event.target;
    while (target && target !== question && target.tagName !== "BUTTON") target = target.parentNode;
    if (target && target.tagName === "BUTTON") answer = target.value;
  });

  question.addEventListener("submit", function (event) {
    var choice = (event.submitter && event.submitter.value) || answer;
    if (choice !== "yes" && choice !== "no") return;
    event.preventDefault();
    var data = new FormData();
    data.append("page", pageId);
    data.append("answer", choice);
    data.append("website", "");
    send(data)
      .then(function (body) {
        say(body.message);
        if (!body.ok) return;
        question.hidden = true;
        if (body.askComment) {
          commentForm.hidden = false;
          commentForm.elements.comment.focus();
        }
      })
      .catch(function () {
        fallback(choice);
      });
  });

  commentForm.addEventListener("submit", function (event) {
    event.preventDefault();
    if (!commentForm.elements.comment.value.trim()) {
      commentForm.hidden = true;
      return;
    }
    send(new FormData(commentForm))
      .then(function (body) {
        say(body.message);
        if (body.ok) commentForm.hidden = true;
      })
      .catch(function () {
        fallback("no");
      });
  });
})();
