import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { ApiClient } from "./api/client";
import { App } from "./App";
import { Router } from "./router";
import "./styles.css";

const client = new ApiClient();
const root = document.getElementById("root");
if (root) {
  createRoot(root).render(
    <StrictMode>
      <Router>
        <App client={client} />
      </Router>
    </StrictMode>,
  );
}
