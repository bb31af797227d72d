package com.memora.kernel.plan;

/** A plan's own fields: its title and the season, stream and grade it belongs to (decisions D8). */
public record PlanDetails(String title, String seasonId, String stream, String grade) {

    /** These details with the given non-null values replacing the current ones (title and codes stripped). */
    public PlanDetails with(String newTitle, String newSeason, String newStream, String newGrade) {
        return new PlanDetails(newTitle == null ? title : newTitle.strip(), newSeason == null ? seasonId : newSeason,
                               newStream == null ? stream : newStream.strip(),
                               newGrade == null ? grade : newGrade.strip());
    }
}
