// After LTI Dynamic Registration (/lti/register/...): tells the LMS that opened the page, in a frame or a window,
// that registration is over, so that it closes the page and goes on (LTI Dynamic Registration 1.0, 3.7).
(window.opener || window.parent).postMessage({ subject: 'org.imsglobal.lti.close' }, '*');
