// Kept apart so unit tests can stand in for the stylesheet (Jest does not load CSS).
import './issue.css';
