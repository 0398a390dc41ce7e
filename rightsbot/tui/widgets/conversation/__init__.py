"""The conversation: questions, answer cards, the crisis banner, links and the side panel."""
