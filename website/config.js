// Where the CMS's public API lives. Empty: the website's own origin (the CMS serves the
// website in development). A website deployed on its own sets the CMS's address here, e.g.
// "https://cms.example.no" (`make website-dist API_BASE_URL=…` writes it).
export const API_BASE_URL = "";
